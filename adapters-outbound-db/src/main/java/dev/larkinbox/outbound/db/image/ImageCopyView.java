package dev.larkinbox.outbound.db.image;

import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.image.ImageState;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** What a feedback's page and item show of one image's copy: never its bytes. */
@Introspected
public record ImageCopyView(String feedbackId, int position, boolean kept, boolean lost, @Nullable String lastError,
                            @Nullable String contentType, long bytes) {

    ImageCopy copy() {
        ImageState state = kept ? ImageState.KEPT : lost ? ImageState.LOST : ImageState.PENDING;
        return new ImageCopy(position, state, lost ? lastError : null, kept ? contentType : null, bytes);
    }
}
