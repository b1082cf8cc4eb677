package dev.larkinbox.domain.preference;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How a person wants the inbox shown to them: its language and their clock. Either may be unset, and then the
 * browser's says.
 *
 * @param language a language tag the web inbox speaks ({@code zh-CN}, {@code en}), or null
 * @param zone     the zone times are shown in, or null
 */
public record Preferences(String language, ZoneId zone) {
    public static final Preferences NONE = new Preferences(null, null);

    public Preferences {
        if (language != null && !language.matches("[a-z]{2}(-[A-Z]{2})?")) {
            throw new IllegalArgumentException("language must be a tag such as zh-CN or en");
        }
    }

    public Optional<String> languageIfSet() {
        return Optional.ofNullable(language);
    }

    public Optional<ZoneId> zoneIfSet() {
        return Optional.ofNullable(zone);
    }

    public Preferences withLanguage(String tag) {
        return new Preferences(Objects.requireNonNull(tag, "language"), zone);
    }

    public Preferences withZone(ZoneId zoneId) {
        return new Preferences(language, Objects.requireNonNull(zoneId, "zone"));
    }
}
