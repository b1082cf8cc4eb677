package dev.larkinbox.domain.image;

import dev.larkinbox.domain.reason.Reason;

/**
 * The image's host could not be reached or failed: worth trying again. Its reason names no URL; its message is the
 * reason in English.
 */
public class ImageUnavailableException extends RuntimeException {
    private final transient Reason reason;
    private final transient Reason untilExpiry;

    /**
     * @param kind what failed: the reason is {@code image.<kind>}, and {@code image.expired.<kind>} once it was tried
     *             until the URL expired
     */
    public ImageUnavailableException(String kind, Throwable cause, Object... args) {
        this(Reason.of("image." + kind, args), Reason.of("image.expired." + kind, args), cause);
    }

    private ImageUnavailableException(Reason reason, Reason untilExpiry, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
        this.untilExpiry = untilExpiry;
    }

    public Reason reason() {
        return reason;
    }

    /** Why the image is lost when it failed so until its URL expired. */
    public Reason untilExpiry() {
        return untilExpiry;
    }
}
