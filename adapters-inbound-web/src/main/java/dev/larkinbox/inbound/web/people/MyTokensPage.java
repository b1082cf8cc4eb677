package dev.larkinbox.inbound.web.people;

import dev.larkinbox.domain.person.PersonalToken;
import dev.larkinbox.domain.person.PersonalTokens;
import dev.larkinbox.domain.person.SecretHash;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.access.OwnAccount;
import dev.larkinbox.inbound.web.access.Session;
import dev.larkinbox.inbound.web.access.SignedIn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A person's own API tokens: every person, viewers too, creates named ones, each acting with their role, sees each
 * once, and revokes them. The inbox keeps only a token's hash.
 */
@Controller("/me/tokens")
@NeedsSession
@OwnAccount
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MyTokensPage {
    /** What a personal token starts with, so that a secret scanner (and a person) knows one when they see it. */
    public static final String PREFIX = "inbox_";
    /** The lifetimes a token may be given, in days; none is until revoked. */
    static final Set<Integer> EXPIRY_DAYS = Set.of(7, 30, 90, 365);

    private final PersonalTokens tokens;
    private final Clock clock = Clock.systemUTC();

    MyTokensPage(PersonalTokens tokens) {
        this.tokens = tokens;
    }

    /** One of the person's tokens as a row. */
    public record Line(long id, String name, Instant created, @Nullable Instant lastUsed, @Nullable Instant expires) {
        static Line of(PersonalToken t) {
            return new Line(t.id(), t.name(), t.createdAt(), t.lastUsedAt(), t.expiresAt());
        }
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String revoked) {
        return page(request, null, revoked != null ? "people.tokens.revoked" : null, null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, @Nullable String csrf, @Nullable String name,
                                  @Nullable String expiry) {
        Session session = SignedIn.posted(request, csrf);
        String named = name == null ? "" : name.strip();
        try {
            PersonalToken.requireName(named);
        } catch (IllegalArgumentException e) {
            return page(request, null, null, "people.tokens.bad-name");
        }
        Integer days = expiry == null || expiry.isBlank() ? null : days(expiry);
        if (days != null && !EXPIRY_DAYS.contains(days)) {
            return page(request, null, null, "people.tokens.bad-expiry");
        }
        Instant now = clock.instant();
        String token = PREFIX + SecretHash.newSecret();
        tokens.create(SecretHash.of(token), session.person().openId(), named, now,
                days == null ? null : now.plus(Duration.ofDays(days)));
        // shown in this answer only: no URL, no redirect, no store holds it
        return page(request, token, "people.tokens.created", null);
    }

    @Post("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> revoke(HttpRequest<?> request, @PathVariable long id, @Nullable String csrf) {
        Session session = SignedIn.posted(request, csrf);
        tokens.revoke(id, session.person().openId());
        return HttpResponse.seeOther(URI.create("/me/tokens?revoked"));
    }

    private HttpResponse<?> page(HttpRequest<?> request, @Nullable String created, @Nullable String message,
                                 @Nullable String error) {
        Session session = SignedIn.of(request);
        Map<String, Object> model = Pages.model(request, "tokens");
        model.put("tokens", tokens.of(session.person().openId()).stream().map(Line::of).toList());
        model.put("expiryDays", EXPIRY_DAYS.stream().sorted().toList());
        if (created != null) {
            model.put("created", created);
        }
        if (message != null) {
            model.put("messageKey", message);
        }
        if (error != null) {
            model.put("errorKey", error);
        }
        return HttpResponse.ok(new ModelAndView<>("me-tokens", model)).header("Cache-Control", "no-store");
    }

    private static @Nullable Integer days(String expiry) {
        try {
            return Integer.valueOf(expiry.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
