package dev.larkinbox.domain.image;

import dev.larkinbox.domain.reason.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of image the inbox keeps, told by their first bytes (their magic numbers), never by what the host
 * says they are: a copy is served back with the content type found here.
 */
public enum ImageType {
    PNG("image/png"),
    JPEG("image/jpeg"),
    GIF("image/gif"),
    WEBP("image/webp");

    /** How much of the start of a refused body is looked at to name what it is. */
    private static final int LOOK = 1024;

    private final String contentType;

    ImageType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** @return the type of an image of these bytes; empty when they are none of the kept kinds */
    public static Optional<ImageType> of(byte[] bytes) {
        if (starts(bytes, 0, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
            return Optional.of(PNG);
        }
        if (starts(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (starts(bytes, 0, 'R', 'I', 'F', 'F') && starts(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** @return the kept type of this content type, as the copies are stored */
    public static ImageType ofContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a kept image type: " + contentType));
    }

    /** Why bytes that are no kept image are refused, naming the usual suspects. */
    public static Reason refusal(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, LOOK), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        String what = head.contains("<svg") ? "svg"
                : head.contains("<html") || head.contains("<!doctype html") ? "html"
                : bytes.length == 0 ? "empty" : "unknown";
        return Reason.of("image.not-an-image." + what);
    }

    private static boolean starts(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
