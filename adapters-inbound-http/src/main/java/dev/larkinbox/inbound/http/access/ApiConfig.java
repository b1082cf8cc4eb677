package dev.larkinbox.inbound.http.access;

import dev.larkinbox.domain.workflow.Actor;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The inbox API's access.
 *
 * @param apiToken the bearer token of {@code /api/**}; a random one is made at start when unset
 * @param apiUser  the name of the holder of the API token, who is recorded as {@code api-token}
 */
@ConfigurationProperties("inbox")
public record ApiConfig(@Nullable String apiToken,
                        @Bindable(defaultValue = "inbox") @NotBlank @Size(max = Actor.MAX_NAME_LENGTH) String apiUser) {

    /** The token stays out of logs. */
    @Override
    public String toString() {
        return "ApiConfig[apiToken=" + (apiToken == null ? "unset" : "(hidden)") + ", apiUser=" + apiUser + "]";
    }
}
