package dev.larkinbox.inbound.http.access;

import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.inbound.http.error.RefusalException;
import dev.larkinbox.inbound.http.error.ErrorType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Who a change made through the API is by: the name the caller gives in {@value #HEADER}, else the name the API
 * token stands for ({@code inbox.api-user}). The token proves the caller is of the team, not who they are: the
 * header is taken on trust.
 */
@Singleton
public class ApiActor {
    public static final String HEADER = "X-Inbox-Actor";

    private final Actor configured;

    ApiActor(ApiConfig config) {
        this.configured = Actor.user(config.apiUser().strip()); // a bad name fails the start, not the first change
    }

    /** @throws RefusalException 400 when the header is not a usable name */
    public Actor of(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return configured;
        }
        try {
            return Actor.user(header.strip());
        } catch (IllegalArgumentException e) {
            throw new RefusalException(ErrorType.INVALID_CHANGE, HEADER + " must be a name of at most "
                    + Actor.MAX_NAME_LENGTH + " characters without control characters");
        }
    }
}
