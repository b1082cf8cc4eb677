package dev.larkinbox.domain.image;

/** An image that is not to be kept, whatever the number of tries; its message is the reason, without the URL. */
public class ImageRefusedException extends RuntimeException {
    public ImageRefusedException(String reason) {
        super(reason);
    }
}
