package dev.larkinbox.domain.admission;

import java.time.Instant;
import java.util.Optional;

/** Port: sign-ins under way, shared by every instance of the inbox. */
public interface SignInAttempts {
    void keep(SignInAttempt attempt);

    /** Removes and answers the attempt of this state, unless it expired before {@code now}: each is taken once. */
    Optional<SignInAttempt> take(String state, Instant now);

    /** Forgets the attempts expired before {@code now}; answers how many. */
    int forgetExpired(Instant now);
}
