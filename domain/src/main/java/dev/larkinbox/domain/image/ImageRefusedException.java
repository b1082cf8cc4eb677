package dev.larkinbox.domain.image;

import dev.larkinbox.domain.reason.Reason;

/**
 * An image that is not to be kept, whatever the number of tries; its reason names no URL, its message is the reason
 * in English.
 */
public class ImageRefusedException extends RuntimeException {
    private final transient Reason reason;

    public ImageRefusedException(Reason reason) {
        super(reason.english());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
