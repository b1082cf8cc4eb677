package dev.larkinbox.inbound.http.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code status} and {@code priority} query parameters a listing of feedback or of problems takes, in the API's
 * document; read by {@link Query#statuses} and {@link Query#priorities}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameter(name = "status", in = ParameterIn.QUERY, explode = Explode.TRUE, array = @ArraySchema(schema =
        @Schema(allowableValues = {"open", "new", "acknowledged", "in_progress", "resolved", "closed"})))
@Parameter(name = "priority", in = ParameterIn.QUERY, explode = Explode.TRUE, array = @ArraySchema(schema =
        @Schema(allowableValues = {"P1", "P2", "P3", "P4"})))
public @interface StatusAndPriorityFilters {
}
