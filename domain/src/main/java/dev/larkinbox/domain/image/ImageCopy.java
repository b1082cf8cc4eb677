package dev.larkinbox.domain.image;

import dev.larkinbox.domain.reason.Reason;
import java.util.Objects;

/**
 * The inbox's copy of one image of a feedback.
 *
 * @param position    its place among the feedback's images, from 0
 * @param reason      why it was lost; null otherwise
 * @param contentType the type found, when kept; null otherwise
 * @param bytes       its size, when kept; 0 otherwise
 */
public record ImageCopy(int position, ImageState state, Reason reason, String contentType, long bytes) {

    public ImageCopy {
        Objects.requireNonNull(state, "state");
        if (position < 0 || bytes < 0) {
            throw new IllegalArgumentException("an image's position and size cannot be negative");
        }
        if ((state == ImageState.KEPT) != (contentType != null)) {
            throw new IllegalArgumentException("a kept image has a content type, and only a kept one");
        }
        if ((state == ImageState.LOST) != (reason != null)) {
            throw new IllegalArgumentException("a lost image has a reason, and only a lost one");
        }
    }
}
