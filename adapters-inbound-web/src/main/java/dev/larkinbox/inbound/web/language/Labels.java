package dev.larkinbox.inbound.web.language;

import dev.larkinbox.domain.feedback.FaultKind;

/** Values the API names by a stable English label, said in the reader's language. */
public final class Labels {
    private Labels() {
    }

    /** A fault kind's name; a kind Lark added later by its number. */
    public static String faultKind(FaultKind kind, Reader reader) {
        return kind.isKnown() ? reader.text("fault." + kind.label()) : reader.text("fault.unknown", kind.code());
    }
}
