package dev.larkinbox.domain.image;

/** The image's host could not be reached or failed: worth trying again. Its message names no URL. */
public class ImageUnavailableException extends RuntimeException {
    public ImageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
