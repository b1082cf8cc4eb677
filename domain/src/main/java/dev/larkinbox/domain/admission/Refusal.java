package dev.larkinbox.domain.admission;

/** Why someone was not signed in: each said to them in its own words. */
public enum Refusal {
    /** They said no at Lark's page, or came back without a code. */
    CANCELLED("the person cancelled at Lark"),
    /** The callback's state is unknown, used, expired, or another browser's: perhaps forged. */
    BAD_STATE("the sign-in's state is unknown, used, expired or another browser's"),
    /** Lark's 20010: the app is not available to them. */
    OUTSIDE_AVAILABILITY("the person is outside the app's availability range"),
    /** Not an admin, not listed, not a member of the team's chat. */
    NOT_LET_IN("the person is neither an admin, nor listed, nor a member of the team's chat"),
    /** Lark refused another way (an expired code, a wrong app secret). */
    LARK_REFUSED("Lark refused the sign-in"),
    /** Lark could not be reached: try again. */
    LARK_UNAVAILABLE("Lark could not be reached");

    private final String reason;

    Refusal(String reason) {
        this.reason = reason;
    }

    /** In words, for tests and operators (no personal data). */
    public String reason() {
        return reason;
    }
}
