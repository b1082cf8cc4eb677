package dev.larkinbox.inbound.http.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How webhook requests prove they come from Lark: {@code lark.encrypt-key} and {@code lark.verification-token},
 * copied from the app's console. Without either the webhook refuses every event, unless
 * {@code lark.webhook.allow-unverified} opens it (for trying the service locally).
 */
@ConfigurationProperties("lark")
public record WebhookConfig(@Nullable String encryptKey, @Nullable String verificationToken,
                            @Valid @NotNull Webhook webhook) {

    /**
     * {@code lark.webhook.*}.
     *
     * @param allowUnverified accept events that nothing verifies, when neither key nor token is set
     * @param readTimeout     how long reading one body may take: a body trickled byte by byte must not hold a
     *                        thread (the server's read-idle-timeout only bounds each pause)
     */
    @ConfigurationProperties("webhook")
    public record Webhook(@Bindable(defaultValue = "false") boolean allowUnverified,
                          @Bindable(defaultValue = "10s") @NotNull Duration readTimeout) {
    }

    /** Secrets stay out of logs. */
    @Override
    public String toString() {
        return "WebhookConfig[encryptKey=" + (encryptKey == null ? "unset" : "(hidden)")
                + ", verificationToken=" + (verificationToken == null ? "unset" : "(hidden)") + "]";
    }
}
