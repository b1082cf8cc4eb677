package dev.larkinbox.domain.validation;

import dev.larkinbox.domain.reason.Reason;

/**
 * A command a person asked for breaks one of its rules, which a page says in the reader's language; its message is
 * the rule in English, for the API. Its reason names the rule, never the value given.
 */
public class InvalidCommandException extends IllegalArgumentException {
    private final transient Reason reason;

    public InvalidCommandException(Reason reason) {
        super(reason.english());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
