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
                        + "with Lark's console. Errors are RFC 9457 problem documents (application/problem+json)."))
@SecurityScheme(name = ApiDocument.API_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "inbox.api-token; every /api/** request needs it")
public final class ApiDocument {
    /** The security scheme the controllers under /api name. */
    public static final String API_TOKEN = "api-token";

    private ApiDocument() {
    }
}
