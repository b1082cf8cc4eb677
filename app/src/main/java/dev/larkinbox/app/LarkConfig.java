package dev.larkinbox.app;

import dev.larkinbox.inbound.lark.LarkMode;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
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
 * @param domain             Lark's open platform, {@code https://open.larksuite.com} for Lark international; https
 *                           (the app's secret and tokens travel to it), http only for a loopback host such as a
 *                           test's stand-in
 * @param mode               which transports bring events
 * @param apiTimeout         of each call to Lark's open API
 * @param feedbackOperatorId the open_id sent with each status change to Lark, if the app needs one
 * @param accountsDomain     where people sign in with Lark (the authorize page): {@code https://accounts.feishu.cn},
 *                           or {@code https://accounts.larksuite.com} when {@code domain} is Lark international's
 */
@ConfigurationProperties("lark")
record LarkConfig(@Nullable String appId,
                  @Nullable String appSecret,
                  @Bindable(defaultValue = "https://open.feishu.cn") @NotNull URI domain,
                  @Bindable(defaultValue = LarkMode.DEFAULT_LABEL) @NotNull LarkMode mode,
                  @Bindable(defaultValue = "10s") @NotNull Duration apiTimeout,
                  @Nullable String feedbackOperatorId,
                  @Nullable URI accountsDomain) {
    static final URI FEISHU_ACCOUNTS = URI.create("https://accounts.feishu.cn");
    static final URI LARK_ACCOUNTS = URI.create("https://accounts.larksuite.com");

    LarkConfig {
        if (!"https".equals(domain.getScheme()) && !("http".equals(domain.getScheme()) && isLoopback(domain))
                || domain.getHost() == null) {
            throw ConfigurationProblems.refused("lark.domain", "an https URL such as https://open.feishu.cn "
                    + "(http only for localhost or 127.0.0.1)", domain);
        }
        if (accountsDomain == null) {
            accountsDomain = "open.larksuite.com".equals(domain.getHost()) ? LARK_ACCOUNTS : FEISHU_ACCOUNTS;
        }
        if (!"https".equals(accountsDomain.getScheme()) && !("http".equals(accountsDomain.getScheme())
                && isLoopback(accountsDomain)) || accountsDomain.getHost() == null) {
            throw ConfigurationProblems.refused("lark.accounts-domain", "an https URL such as "
                    + "https://accounts.feishu.cn (http only for localhost or 127.0.0.1)", accountsDomain);
        }
        if (mode.opensLongConnection() && !(isSet(appId) && isSet(appSecret))) {
            throw new ConfigurationException("lark.mode (LARK_MODE) " + mode.label() + " needs lark.app-id "
                    + "(LARK_APP_ID) and lark.app-secret (LARK_APP_SECRET): the long connection signs in as the app");
        }
    }

    /** Both set and not blank: an environment variable set to "" counts as absent. */
    boolean hasCredentials() {
        return isSet(appId) && isSet(appSecret);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** By name only: a look-up in DNS would make the check depend on the network. */
    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    /** The secret stays out of logs. */
    @Override
    public String toString() {
        return "LarkConfig[appId=" + appId + ", domain=" + domain + ", mode=" + mode.label() + ", apiTimeout="
                + apiTimeout + ", accountsDomain=" + accountsDomain + "]";
    }
}
