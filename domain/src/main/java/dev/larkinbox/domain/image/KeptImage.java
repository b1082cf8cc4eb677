package dev.larkinbox.domain.image;

import java.util.Objects;

/** The bytes of a kept image, as it is served back. */
public record KeptImage(ImageType type, byte[] content) {

    public KeptImage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
    }

    /** The bytes stay out of logs. */
    @Override
    public String toString() {
        return "KeptImage[" + type.contentType() + ", " + content.length + " bytes]";
    }
}
