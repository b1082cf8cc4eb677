package dev.larkinbox.inbound.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI document of the HTTP API, generated from the controllers at compile time into
 * {@code META-INF/swagger/lark-app-inbox.yml} (served at {@code /swagger/lark-app-inbox.yml}).
 */
@OpenAPIDefinition(
        info = @Info(title = "lark-app-inbox", version = "0.1.0",
                description = "Feedback and revoked publish requests of a Lark app: triaged, worked, kept in step "
                        + "with Lark's console. Errors are RFC 9457 problem documents (application/problem+json). "
                        + "Every change is recorded as the caller, the person the bearer token acts as (its owner, or "
                        + "api-token for inbox.api-token); the X-Inbox-Actor header of earlier versions names "
                        + "nobody and is ignored. GET /api/me tells who the caller is."))
@SecurityScheme(name = ApiDocument.API_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "inbox.api-token (an admin), or a person's own token made at /me/tokens (acting with their "
                + "role: a viewer's reads only, 403 otherwise); every /api/** request needs one. Wrong tokens are "
                + "answered 401, and after a few 429 with Retry-After")
public final class ApiDocument {
    /** The security scheme the controllers under /api name. */
    public static final String API_TOKEN = "api-token";

    private ApiDocument() {
    }
}
