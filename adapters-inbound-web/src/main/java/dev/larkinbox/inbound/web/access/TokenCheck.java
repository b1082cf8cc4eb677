package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.workflow.Actor;
import io.micronaut.core.annotation.Nullable;

/**
 * Whether a token someone signs in with is the service's API token, and who a person is recorded as when they give
 * no name. The pages know neither: the application supplies both, so the web inbox and the JSON API accept the same
 * token and record the same default user.
 */
public interface TokenCheck {
    boolean accepts(String presented);

    /** @param authorization an {@code Authorization} header, {@code Bearer <token>}, as the API takes it */
    boolean authorizes(@Nullable String authorization);

    /** Who a change is by when the person signed in without a name: the API's {@code inbox.api-user}. */
    Actor defaultActor();
}
