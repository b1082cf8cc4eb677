package dev.larkinbox.domain.admission;

import dev.larkinbox.domain.person.Person;

/**
 * A person signed in, and where they were going; or why nobody was.
 *
 * @param person   null when refused
 * @param returnTo null when refused
 * @param refusal  null when signed in
 */
public record SignInOutcome(Person person, String returnTo, Refusal refusal) {
    public SignInOutcome {
        if ((person == null) == (refusal == null) || person != null && returnTo == null) {
            throw new IllegalArgumentException("either a person and where they go, or a refusal");
        }
    }

    public static SignInOutcome signedIn(Person person, String returnTo) {
        return new SignInOutcome(person, returnTo, null);
    }

    public static SignInOutcome refused(Refusal refusal) {
        return new SignInOutcome(null, null, refusal);
    }
}
