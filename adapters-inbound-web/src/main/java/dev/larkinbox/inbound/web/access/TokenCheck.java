package dev.larkinbox.inbound.web.access;

/**
 * Whether a token someone signs in with is the service's API token. The pages do not know the token: the
 * application supplies the check, so the web inbox and the JSON API accept the same token.
 */
@FunctionalInterface
public interface TokenCheck {
    boolean accepts(String presented);
}
