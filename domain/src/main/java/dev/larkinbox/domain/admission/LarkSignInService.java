package dev.larkinbox.domain.admission;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/** Signs people in with Lark (authorization code, state and PKCE S256), as {@link AdmissionPolicy} lets them in. */
public final class LarkSignInService implements SignInWithLark {
    /** Lark's code for a person outside the app's availability range. */
    public static final int OUTSIDE_AVAILABILITY = 20010;
    private static final int SECRET_BYTES = 32;

    private final SignInAttempts attempts;
    private final LarkAccounts lark;
    private final People people;
    private final AccessRules rules;
    private final Duration attemptLifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param attemptLifetime how long the person has at Lark's page: minutes */
    public LarkSignInService(SignInAttempts attempts, LarkAccounts lark, People people, AccessRules rules,
                             Duration attemptLifetime, Clock clock) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.lark = Objects.requireNonNull(lark, "lark");
        this.people = Objects.requireNonNull(people, "people");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.attemptLifetime = Objects.requireNonNull(attemptLifetime, "attemptLifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SignInStart begin(String returnTo) {
        attempts.forgetExpired(clock.instant()); // here rather than in a job: each new attempt clears the old
        String state = secret();
        String verifier = secret();
        String browserSecret = secret();
        attempts.keep(new SignInAttempt(state, sha256(browserSecret), verifier, returnTo,
                clock.instant().plus(attemptLifetime)));
        return new SignInStart(lark.authorizePage(state, sha256(verifier)), browserSecret);
    }

    @Override
    public SignInOutcome finish(FinishSignInCommand command) {
        Optional<SignInAttempt> taken = command.state() == null ? Optional.empty()
                : attempts.take(command.state(), clock.instant());
        if (taken.isEmpty() || command.browserSecret() == null || !MessageDigest.isEqual(
                taken.get().browserHash().getBytes(StandardCharsets.US_ASCII),
                sha256(command.browserSecret()).getBytes(StandardCharsets.US_ASCII))) {
            return SignInOutcome.refused(Refusal.BAD_STATE);
        }
        if (command.cancelled()) {
            return SignInOutcome.refused(Refusal.CANCELLED);
        }
        try {
            String token = lark.exchange(command.code(), taken.get().codeVerifier());
            LarkIdentity who = lark.identify(token);
            boolean inChat = !rules.letsInByName(who.openId()) && rules.chatId() != null
                    && lark.inChat(token, rules.chatId());
            Optional<Person> known = people.find(who.openId());
            Admittance admittance = AdmissionPolicy.decide(rules, who.openId(), known.map(Person::role), inChat);
            if (admittance.refusal() != null) {
                return SignInOutcome.refused(admittance.refusal());
            }
            Person person = people.save(new Person(who.openId(), who.name(), https(who.avatarUrl()),
                    admittance.role()));
            return SignInOutcome.signedIn(person, taken.get().returnTo());
        } catch (LarkRefusedException e) {
            return SignInOutcome.refused(e.code() == OUTSIDE_AVAILABILITY ? Refusal.OUTSIDE_AVAILABILITY
                    : Refusal.LARK_REFUSED);
        } catch (LarkUnavailableException e) {
            return SignInOutcome.refused(Refusal.LARK_UNAVAILABLE);
        }
    }

    /** The inbox shows pictures from https only. */
    private static String https(String url) {
        return url != null && url.startsWith("https://") && url.length() <= Person.MAX_AVATAR_URL_LENGTH
                && url.chars().noneMatch(c -> c <= ' ') ? url : null;
    }

    private String secret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** PKCE's S256 (RFC 7636): base64url without padding of the SHA-256 of the ASCII verifier. */
    static String sha256(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
