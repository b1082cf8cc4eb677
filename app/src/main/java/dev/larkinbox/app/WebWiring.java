package dev.larkinbox.app;

import dev.larkinbox.inbound.http.access.ApiConfig;
import dev.larkinbox.inbound.http.access.ApiToken;
import dev.larkinbox.inbound.web.access.TokenCheck;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The web inbox signs in with the JSON API's token, configured or generated at start, and names its holder as the API does. */
@Factory
class WebWiring {

    @Singleton
    TokenCheck apiToken(ApiToken token, ApiConfig config) {
        String holder = config.apiUser().strip();
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
            public String holderName() {
                return holder;
            }
        };
    }
}
