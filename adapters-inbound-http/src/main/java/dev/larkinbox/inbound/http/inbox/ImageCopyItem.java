package dev.larkinbox.inbound.http.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.image.ImageState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The inbox's copy of one of a feedback's images, in the order of {@code images}.
 *
 * @param reason      why it is lost; null otherwise
 * @param contentType the type found in its bytes, once kept
 * @param bytes       its size, once kept; 0 otherwise
 * @param href        where its bytes are answered to the API token, once kept
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImageCopyItem(
        @Schema(allowableValues = {"pending", "kept", "lost"}) String state,
        @Nullable String reason,
        @Schema(allowableValues = {"image/png", "image/jpeg", "image/gif", "image/webp"}) @Nullable String contentType,
        long bytes,
        @Schema(example = "/api/feedback/7120000000000000001/images/0") @Nullable String href) {

    static ImageCopyItem of(String feedbackId, ImageCopy copy) {
        boolean kept = copy.state() == ImageState.KEPT;
        return new ImageCopyItem(copy.state().label(), copy.reason() == null ? null : copy.reason().english(),
                copy.contentType(), copy.bytes(),
                kept ? href(feedbackId, copy.position()) : null);
    }

    /** An image not queued yet: written with its feedback, it is only ever absent for a moment. */
    static ImageCopyItem pending() {
        return new ImageCopyItem(ImageState.PENDING.label(), null, null, 0, null);
    }

    private static String href(String feedbackId, int position) {
        return "/api/feedback/" + URLEncoder.encode(feedbackId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/images/" + position;
    }
}
