package dev.larkinbox.inbound.http.me;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.inbound.http.access.ApiCaller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import dev.larkinbox.inbound.http.ApiDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** Who the caller is: the person their token acts as. */
@Controller("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiDocument.API_TOKEN)
public class MeController {

    /**
     * The caller.
     *
     * @param openId their Lark open_id; {@code api-token} for the holder of {@code inbox.api-token}
     * @param role   what they may do: {@code viewer} reads, {@code member} also works feedback and problems,
     *               {@code admin} also recovers and merges
     */
    @Serdeable.Serializable(naming = SnakeCaseStrategy.class)
    public record Me(String openId, String name,
                     @Schema(allowableValues = {"viewer", "member", "admin"}) String role) {
        static Me of(Person person) {
            return new Me(person.openId(), person.name(), person.role().label());
        }

        /** Names and open_ids are personal data: out of logs. */
        @Override
        public String toString() {
            return "Me[role=" + role + "]";
        }
    }

    @Get
    @Operation(operationId = "getMe")
    public Me me(HttpRequest<?> request) {
        return Me.of(ApiCaller.of(request));
    }
}
