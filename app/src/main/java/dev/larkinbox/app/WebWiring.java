package dev.larkinbox.app;

import dev.larkinbox.domain.person.GuessCounts;
import dev.larkinbox.domain.person.TokenGuesses;
import dev.larkinbox.inbound.http.access.ApiConfig;
import dev.larkinbox.inbound.http.access.ApiToken;
import dev.larkinbox.inbound.web.access.Admission;
import dev.larkinbox.inbound.web.access.EveryoneStays;
import dev.larkinbox.inbound.web.access.TokenCheck;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The web inbox signs in with the JSON API's token, configured or generated at start, and names its holder as the API
 * does; the form takes it only where no sign-in with Lark is on.
 */
@Factory
class WebWiring {

    @Singleton
    TokenCheck apiToken(ApiToken token, ApiConfig config, LarkConfig lark, Admission admission) {
        String holder = config.apiUser().strip();
        // the sign-in with Lark is on where the app's credentials are set and someone decides who may come in
        boolean larkSignIn = lark.hasCredentials() && !(admission instanceof EveryoneStays);
        return new TokenCheck() {
            @Override
            public boolean accepts(String presented) {
                return token.matches(presented);
            }

            @Override
            public boolean authorizes(String authorization) {
                return token.authorizes(authorization);
            }

            @Override
            public boolean signsIn() {
                return !larkSignIn;
            }

            @Override
            public String holderName() {
                return holder;
            }
        };
    }

    /** Wrong tokens at the sign-in form and on the API count together, on every instance. */
    @Singleton
    TokenGuesses tokenGuesses(GuessCounts counts) {
        return new TokenGuesses(counts, Clock.systemUTC());
    }
}
