package dev.larkinbox.domain.validation;

/** Checks shared by the records of every part of the domain, and by the adapters' own records. */
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
