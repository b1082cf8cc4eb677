package dev.larkinbox.inbound.web.access;

import io.micronaut.core.annotation.Nullable;

/**
 * Whether a token someone signs in with is the service's API token, and the name its holder goes by when they give
 * none. The pages know neither: the application supplies both, so the web inbox and the JSON API accept the same
 * token and name its holder alike.
 */
public interface TokenCheck {
    boolean accepts(String presented);

    /** @param authorization an {@code Authorization} header, {@code Bearer <token>}, as the API takes it */
    boolean authorizes(@Nullable String authorization);

    /**
     * Whether the web inbox's sign-in form takes the token: only where no Lark credentials are configured (trying
     * the inbox locally); with them, people sign in with Lark, each as who they are.
     */
    boolean signsIn();

    /** The API token's holder's name when they sign in without one: the API's {@code inbox.api-user}. */
    String holderName();
}
