package dev.larkinbox.inbound.web.language;

import dev.larkinbox.domain.preference.PersonPreferences;
import dev.larkinbox.domain.preference.Preferences;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.access.Session;
import dev.larkinbox.inbound.web.access.Sessions;
import dev.larkinbox.inbound.web.access.SignedIn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A person's language and clock: the switch on every page ({@code POST /language}) and the page to set the zone
 * ({@code /preferences}). Each choice is kept in a cookie, so the browser remembers it before sign-in and after,
 * and for a signed-in person in their preferences too, so it follows them to another browser.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PreferencesPage {
    private static final Duration REMEMBERED = Duration.ofDays(365);

    private final Sessions sessions;
    private final PersonPreferences preferences;

    PreferencesPage(Sessions sessions, PersonPreferences preferences) {
        this.sessions = sessions;
        this.preferences = preferences;
    }

    /**
     * Switches the language and goes back to the page the switch was on. Before sign-in only the cookie keeps it;
     * a signed-in person's form must carry the session's CSRF token like every other.
     *
     * @param back the path of the page the switch was on; anything else brings the person to the inbox
     */
    @Post("/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> language(HttpRequest<?> request, @Nullable String lang, @Nullable String back,
                                    @Nullable String csrf) {
        Optional<Locale> chosen = Languages.ofTag(lang);
        URI to = URI.create(isOwnPath(back) ? back : "/");
        if (chosen.isEmpty()) {
            return HttpResponse.seeOther(to);
        }
        Optional<Session> session = sessions.find(request);
        if (session.isPresent()) {
            String person = Readers.personId(SignedIn.checked(session.get(), request, csrf));
            preferences.save(person, preferences.of(person).withLanguage(chosen.get().toLanguageTag()));
        }
        return HttpResponse.seeOther(to).cookie(remembered(Languages.COOKIE, chosen.get().toLanguageTag()));
    }

    @Get("/preferences")
    @NeedsSession
    public ModelAndView<Map<String, Object>> show(HttpRequest<?> request, @Nullable @QueryValue String saved) {
        return page(request, saved != null ? Reader.of(request).text("preferences.saved") : null, null, null);
    }

    @Post("/preferences")
    @NeedsSession
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, @Nullable String zone, @Nullable String csrf) {
        Session session = SignedIn.posted(request, csrf);
        Optional<ZoneId> chosen = zone == null ? Optional.empty() : Readers.zone(zone.strip());
        if (chosen.isEmpty()) {
            return HttpResponse.ok(page(request, null, Reader.of(request).text("preferences.zone.refused"), zone));
        }
        String person = Readers.personId(session);
        preferences.save(person, preferences.of(person).withZone(chosen.get()));
        return HttpResponse.seeOther(URI.create("/preferences?saved"))
                .cookie(remembered(Readers.ZONE_COOKIE, chosen.get().getId()));
    }

    private static ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable String message,
                                                          @Nullable String error, @Nullable String typed) {
        Map<String, Object> model = Pages.model(request, "preferences");
        model.put("zone", typed != null ? typed : Reader.of(request).zone().getId());
        model.put("now", Instant.now());
        model.put("zones", ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        if (message != null) {
            model.put("message", message);
        }
        if (error != null) {
            model.put("error", error);
        }
        return new ModelAndView<>("preferences", model);
    }

    /** A path of this inbox, not another host ({@code //host}, {@code /\host}): no open redirect. */
    private static boolean isOwnPath(@Nullable String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\");
    }

    /** Read by the zone script too ({@code inbox_zone}): not HttpOnly; nothing secret in either. */
    private static Cookie remembered(String name, String value) {
        return Cookie.of(name, value).path("/").sameSite(SameSite.Lax).maxAge(REMEMBERED);
    }
}
