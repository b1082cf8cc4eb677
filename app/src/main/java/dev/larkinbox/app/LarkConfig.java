package dev.larkinbox.app;

import dev.larkinbox.inbound.lark.LarkMode;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;

/**
 * The Lark app this service serves, and how to reach Lark ({@code lark.*}). The webhook's keys are the HTTP
 * adapter's own {@code WebhookConfig}.
 *
 * @param appId              the app's id: needed by the long connection, status sync and recovery
 * @param appSecret          the app's secret; never logged
 * @param domain             Lark's open platform, {@code https://open.larksuite.com} for Lark international
 * @param mode               which transports bring events
 * @param apiTimeout         of each call to Lark's open API
 * @param feedbackOperatorId the open_id sent with each status change to Lark, if the app needs one
 */
@ConfigurationProperties("lark")
record LarkConfig(@Nullable String appId,
                  @Nullable String appSecret,
                  @Bindable(defaultValue = "https://open.feishu.cn") @NotNull URI domain,
                  @Bindable(defaultValue = LarkMode.DEFAULT_LABEL) @NotNull LarkMode mode,
                  @Bindable(defaultValue = "10s") @NotNull Duration apiTimeout,
                  @Nullable String feedbackOperatorId) {

    /** Both set and not blank: an environment variable set to "" counts as absent. */
    boolean hasCredentials() {
        return appId != null && !appId.isBlank() && appSecret != null && !appSecret.isBlank();
    }

    /** The secret stays out of logs. */
    @Override
    public String toString() {
        return "LarkConfig[appId=" + appId + ", domain=" + domain + ", mode=" + mode.label() + ", apiTimeout="
                + apiTimeout + "]";
    }
}
