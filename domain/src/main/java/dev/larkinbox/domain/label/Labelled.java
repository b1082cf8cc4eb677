package dev.larkinbox.domain.label;

import java.util.Locale;

/**
 * A closed set of values that the API, the store and Lark's payloads name by a snake_case label: the enum
 * constant's name in lower case, so that a label cannot drift from its constant.
 */
public interface Labelled {
    /** The enum constant's name; every implementation is an enum. */
    String name();

    default String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param what names the kind of value in the refusal, such as "status"
     * @throws IllegalArgumentException for a label no constant has
     */
    static <E extends Enum<E> & Labelled> E fromLabel(Class<E> type, String label, String what) {
        for (E value : type.getEnumConstants()) {
            if (value.label().equals(label)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + what + ": " + label);
    }
}
