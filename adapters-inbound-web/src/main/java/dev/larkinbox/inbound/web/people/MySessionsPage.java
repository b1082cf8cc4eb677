package dev.larkinbox.inbound.web.people;

import dev.larkinbox.domain.person.StoredSession;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.access.OwnAccount;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** A person's own sessions, on every browser and instance: when each started and was last used; any can be ended. */
@Controller("/me/sessions")
@NeedsSession
@OwnAccount
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MySessionsPage {
    private final Sessions sessions;

    MySessionsPage(Sessions sessions) {
        this.sessions = sessions;
    }

    /** One session as a row; {@code current} is the one this page was asked in. */
    public record Line(long id, Instant started, Instant lastSeen, String browser, boolean current) {
        static Line of(StoredSession s, Session current) {
            return new Line(s.id(), s.startedAt(), s.lastSeenAt(),
                    s.browser() == null ? "" : s.browser(), s.id() == current.id());
        }
    }

    @Get
    public ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        Session session = SignedIn.of(request);
        Map<String, Object> model = Pages.model(request, "sessions");
        model.put("sessions", sessions.of(session.person()).stream().map(s -> Line.of(s, session)).toList());
        return new ModelAndView<>("me-sessions", model);
    }

    /** Ends one of the person's sessions wherever it is used; ending this one signs them out here. */
    @Post("/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> end(HttpRequest<?> request, @PathVariable long id, @Nullable String csrf) {
        Session session = SignedIn.posted(request, csrf);
        sessions.end(session.person(), id);
        if (id == session.id()) {
            return HttpResponse.seeOther(URI.create("/sign-in")).cookie(SignedIn.expired(request));
        }
        return HttpResponse.seeOther(URI.create("/me/sessions"));
    }
}
