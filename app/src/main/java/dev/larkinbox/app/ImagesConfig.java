package dev.larkinbox.app;

import dev.larkinbox.domain.image.ImageOrigins;
import dev.larkinbox.domain.image.ImageRules;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * Feedback's images kept: {@code inbox.images.*}.
 *
 * @param allowedHosts {@code inbox.images.allowed-hosts}: the origins images are fetched from, comma-separated,
 *                     {@code *.} wildcards allowed; an origin listed by name (not a wildcard) may be on a private
 *                     or loopback address
 * @param maxBytes     {@code inbox.images.max-bytes}: the largest image kept; reading stops past it
 * @param timeout      {@code inbox.images.timeout}: the longest fetch of one image, connecting included
 * @param pollInterval {@code inbox.images.poll-interval}: how often the images due are fetched
 */
@ConfigurationProperties("inbox.images")
record ImagesConfig(@Bindable(defaultValue = "https://*.byteimg.com") @NotNull List<String> allowedHosts,
                    @Bindable(defaultValue = "10485760") int maxBytes,
                    @Bindable(defaultValue = "20s") @NotNull Duration timeout,
                    @Bindable(defaultValue = "2s") @NotNull Duration pollInterval) {

    ImagesConfig {
        allowedHosts = List.copyOf(allowedHosts);
        rules(allowedHosts, maxBytes);
        ConfigurationProblems.requirePositive("inbox.images.timeout", timeout);
        ConfigurationProblems.requirePositive("inbox.images.poll-interval", pollInterval);
    }

    ImageRules rules() {
        return rules(allowedHosts, maxBytes);
    }

    private static ImageRules rules(List<String> allowedHosts, int maxBytes) {
        ImageOrigins origins;
        try {
            origins = ImageOrigins.parse(String.join(",", allowedHosts));
        } catch (IllegalArgumentException e) {
            throw ConfigurationProblems.refused("inbox.images.allowed-hosts",
                    "origins such as https://*.byteimg.com, comma-separated", String.join(",", allowedHosts));
        }
        if (maxBytes < 1) {
            throw ConfigurationProblems.refused("inbox.images.max-bytes", "a number of bytes above 0", maxBytes);
        }
        return new ImageRules(origins, maxBytes);
    }
}
