package dev.larkinbox.outbound.db.image;

import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.image.ImageState;
import dev.larkinbox.outbound.db.postgres.PostgresReasons;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** What a feedback's page and item show of one image's copy: never its bytes. */
@Introspected
public record ImageCopyView(String feedbackId, int position, boolean kept, boolean lost, @Nullable String lastError,
                            @Nullable String contentType, long bytes) {

    ImageCopy copy() {
        ImageState state = kept ? ImageState.KEPT : lost ? ImageState.LOST : ImageState.PENDING;
        // a lost image's last error is why it is lost (PostgresImages.lost); a copy lost before keys has its text
        return new ImageCopy(position, state, lost ? PostgresReasons.ofStored(lastError) : null,
                kept ? contentType : null, bytes);
    }
}
