package dev.larkinbox.domain.admission;

/** Use case: a person signs in with their Lark account, and comes in as the access rules say. */
public interface SignInWithLark {

    /** Keeps a new attempt and answers where to send the browser, and the secret it must keep meanwhile. */
    SignInStart begin(String returnTo);

    /**
     * Takes the attempt the state names (once, whatever happens next), then asks Lark who signed in and the rules
     * whether they come in; a person let in is saved with their name, picture and role.
     */
    SignInOutcome finish(FinishSignInCommand command);
}
