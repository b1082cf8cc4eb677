package dev.larkinbox.inbound.web.language;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.validation.InvalidCommandException;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The person a page is for: the language they read and the zone of their clock. Pages and their Java say every text
 * through {@link #text}, and every time through {@link #ago}, {@link #exact} and {@link #asSent}; templates reach
 * it as {@code ${reader}}, a time as the fragment {@code ~{fragments :: when(${instant})}}.
 */
public final class Reader {
    static final String ATTRIBUTE = Reader.class.getName();
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Locale locale;
    private final ZoneId zone;
    private final MessageSource messages;
    private final Clock clock;

    Reader(Locale locale, ZoneId zone, MessageSource messages, Clock clock) {
        this.locale = locale;
        this.zone = zone;
        this.messages = messages;
        this.clock = clock;
    }

    /** Who the request's page is for, as {@link Readers} found them. */
    public static Reader of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Readers.Once.class).map(Readers.Once::get)
                .orElseThrow(() -> new IllegalStateException("no reader: the Readers filter did not run"));
    }

    public Locale locale() {
        return locale;
    }

    /** The page's {@code <html lang>}: {@code zh-CN} or {@code en}. */
    public String lang() {
        return locale.toLanguageTag();
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The bundles' text for the key in this person's language, with {@code {0}}, {@code {1}}... replaced by the
     * arguments; the key itself when no bundle has it, which the bundles' tests forbid.
     */
    public String text(String key, Object... args) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            variables.put(Integer.toString(i), args[i]);
        }
        // getMessage interpolates once: a second pass would read a quote in an argument (an app's) as MessageFormat's
        return messages.getMessage(key, MessageSource.MessageContext.of(locale, variables)).orElse(key);
    }

    /** Why a policy of the domain decided what it did, in this person's language. */
    public String text(Reason reason) {
        return reason.text(locale);
    }

    /**
     * Why a command was refused, in this person's language: the rule of the domain it breaks, or the message of a
     * refusal that has no reason yet (the commands' messages name the rule, never what a user wrote).
     */
    public String text(IllegalArgumentException refused) {
        return refused instanceof InvalidCommandException invalid ? text(invalid.reason()) : refused.getMessage();
    }

    /** "3 hours ago", "3 小时前": how long ago, as a person reads a list. */
    public String ago(@Nullable Instant at) {
        if (at == null) {
            return "";
        }
        Duration since = Duration.between(at, clock.instant());
        long seconds = Math.max(0, since.getSeconds());
        if (seconds < 60) {
            return text("time.now");
        }
        if (seconds < 3600) {
            return count("time.minutes", seconds / 60);
        }
        if (seconds < 86_400) {
            return count("time.hours", seconds / 3600);
        }
        long days = seconds / 86_400;
        if (days < 30) {
            return count("time.days", days);
        }
        return text("time.on", DAY.format(at.atZone(zone)));
    }

    private String count(String key, long n) {
        return n == 1 ? text(key + ".one") : text(key, n);
    }

    /** The exact time in this person's zone, with the zone: {@code 2024-05-01 16:00:00 +08:00 (Asia/Shanghai)}. */
    public String exact(@Nullable Instant at) {
        return at == null ? "" : EXACT.format(at.atZone(zone));
    }

    /** For {@code <time datetime>}: the instant as the machine reads it, in UTC. */
    public String iso(@Nullable Instant at) {
        return at == null ? "" : at.toString();
    }

    /**
     * A time Lark sent without a zone (a feedback's {@code feedback_time}), shown as Lark sent it and said to have
     * none: converting it would claim a zone nobody knows.
     */
    public String asSent(@Nullable LocalDateTime at) {
        return at == null ? "" : text("time.as-sent", LOCAL.format(at));
    }
}
