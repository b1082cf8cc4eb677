package dev.larkinbox.app;

import dev.larkinbox.inbound.http.access.ApiToken;
import dev.larkinbox.inbound.web.access.TokenCheck;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The web inbox signs in with the JSON API's token, configured or generated at start. */
@Factory
class WebWiring {

    @Singleton
    TokenCheck apiToken(ApiToken token) {
        return token::matches;
    }
}
