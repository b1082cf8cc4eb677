package dev.larkinbox.domain.event;

/** Checks shared by the domain's records. */
public final class Text {
    private Text() {
    }

    public static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
