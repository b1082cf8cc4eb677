package dev.larkinbox.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;

/**
 * @param publicUrl {@code inbox.public-url}: where people reach the web inbox (such as
 *                  {@code https://inbox.example.com}), for the links on chat cards; null for no links
 */
@ConfigurationProperties("inbox")
record PublicUrlConfig(@Nullable URI publicUrl) {
    PublicUrlConfig {
        if (publicUrl != null && (!"https".equals(publicUrl.getScheme()) && !"http".equals(publicUrl.getScheme())
                || publicUrl.getHost() == null)) {
            throw ConfigurationProblems.refused("inbox.public-url", "a URL such as https://inbox.example.com",
                    publicUrl);
        }
    }
}
