package dev.larkinbox.inbound.web.language;

import dev.larkinbox.domain.preference.PersonPreferences;
import dev.larkinbox.domain.preference.Preferences;
import dev.larkinbox.inbound.web.access.Session;
import dev.larkinbox.inbound.web.access.Sessions;
import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds who each request's page is for ({@link Reader}): the language and zone the signed-in person chose, else the
 * browser's cookies ({@link Languages#COOKIE}, {@link #ZONE_COOKIE}), else its {@code Accept-Language} and
 * {@link #DEFAULT_ZONE}. Found once per request, and only when a page asks: the API and static files never look.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class Readers {
    /** The zone a browser reports (web-assets/zone.js) or a person chose; its value is an IANA zone id. */
    public static final String ZONE_COOKIE = "inbox_zone";
    /** Where most Feishu teams live. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Sessions sessions;
    private final PersonPreferences preferences;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    Readers(Sessions sessions, PersonPreferences preferences, MessageSource messages) {
        this.sessions = sessions;
        this.preferences = preferences;
        this.messages = messages;
    }

    @RequestFilter
    public void find(HttpRequest<?> request) {
        request.setAttribute(Reader.ATTRIBUTE, new Once(() -> reader(request)));
    }

    /** The id a person's preferences are kept under: who the session is signed in as. */
    public static String personId(Session session) {
        return session.person().openId();
    }

    Reader reader(HttpRequest<?> request) {
        Preferences chosen = sessions.find(request).map(s -> preferences.of(personId(s))).orElse(Preferences.NONE);
        Locale locale = chosen.languageIfSet().flatMap(Languages::ofTag)
                .or(() -> cookie(request, Languages.COOKIE).flatMap(Languages::ofTag))
                .orElseGet(() -> Languages.ofAcceptLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)));
        ZoneId zone = chosen.zoneIfSet().or(() -> cookie(request, ZONE_COOKIE).flatMap(Readers::zone))
                .orElse(DEFAULT_ZONE);
        return new Reader(locale, zone, messages, clock);
    }

    /** A zone id a browser or a person gave, if it is one. */
    public static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> cookie(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue);
    }

    /** The reader, found the first time a page asks for it. */
    static final class Once implements Supplier<Reader> {
        private final Supplier<Reader> find;
        private Reader reader;

        Once(Supplier<Reader> find) {
            this.find = find;
        }

        @Override
        public synchronized Reader get() {
            if (reader == null) {
                reader = find.get();
            }
            return reader;
        }
    }
}
