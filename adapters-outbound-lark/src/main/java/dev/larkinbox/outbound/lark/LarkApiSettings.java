package dev.larkinbox.outbound.lark;

import dev.larkinbox.domain.validation.Text;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Lark's open API as the app.
 *
 * @param domain     {@code lark.domain}, such as {@code https://open.feishu.cn}
 * @param timeout    for one request (the SDK's connect, read and write timeouts)
 * @param operatorId the open_id Lark records as having set a status; null to send none
 */
public record LarkApiSettings(String appId, String appSecret, String domain, Duration timeout, String operatorId) {
    public LarkApiSettings {
        Text.requireNonBlank(appId, "lark.app-id");
        Text.requireNonBlank(appSecret, "lark.app-secret");
        Text.requireNonBlank(domain, "lark.domain");
        URI uri = URI.create(domain);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("lark.domain must be a URL such as https://open.feishu.cn");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
        operatorId = operatorId == null || operatorId.isBlank() ? null : operatorId;
    }

    /** The secret stays out of logs. */
    @Override
    public String toString() {
        return "LarkApiSettings[appId=" + appId + ", domain=" + domain + ", timeout=" + timeout + "]";
    }
}
