package dev.larkinbox.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;

/**
 * @param publicUrl {@code inbox.public-url}: where people reach the web inbox (such as
 *                  {@code https://inbox.example.com}), for the links on chat cards; null for no links
 */
@ConfigurationProperties("inbox")
record PublicUrlConfig(@Nullable URI publicUrl) {
    PublicUrlConfig {
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null)) {
            throw new ConfigurationException("inbox.public-url (INBOX_PUBLIC_URL) must be a URL such as "
                    + "https://inbox.example.com");
        }
    }
}
