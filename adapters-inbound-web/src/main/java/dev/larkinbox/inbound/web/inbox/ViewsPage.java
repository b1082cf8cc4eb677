package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.view.KeepViews;
import dev.larkinbox.domain.view.SaveViewCommand;
import dev.larkinbox.domain.view.TooManyViewsException;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.access.SignedIn;
import dev.larkinbox.inbound.web.triage.Me;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/** "Save view" keeps the inbox's filter under a name, for the person who saved it; a view is deleted as simply. */
@Controller("/views")
@NeedsSession
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ViewsPage {
    private final KeepViews views;

    ViewsPage(KeepViews views) {
        this.views = views;
    }

    /** @param filter the inbox's filter as its link carries it; read as the inbox reads it, so kept in its form */
    @Post
    public HttpResponse<?> save(HttpRequest<?> request, @Nullable String csrf, @Nullable String name,
                                @Nullable String filter) {
        SignedIn.posted(request, csrf);
        InboxQuery query = InboxQuery.parse(Objects.requireNonNullElse(filter, ""));
        try {
            views.save(SaveViewCommand.of(Me.of(request).openId(), name, query.filter()));
        } catch (TooManyViewsException e) {
            return refused(request, query, "triage.views.too-many");
        } catch (IllegalArgumentException e) {
            return refused(request, query, "triage.views.bad-name");
        }
        return HttpResponse.seeOther(URI.create(query.link(null)));
    }

    @Post("/delete")
    public HttpResponse<?> delete(HttpRequest<?> request, @Nullable String csrf, @Nullable String name) {
        SignedIn.posted(request, csrf);
        if (name != null) {
            views.delete(Me.of(request).openId(), name);
        }
        return HttpResponse.seeOther(URI.create("/"));
    }

    /** Answered 200 with why, as the feedback page answers a change it refused; the link goes back to the filter. */
    private static HttpResponse<?> refused(HttpRequest<?> request, InboxQuery query, String reason) {
        Map<String, Object> model = Pages.model(request, "inbox");
        model.put("reason", reason);
        model.put("back", query.link(null));
        return HttpResponse.ok(new ModelAndView<>("view-refused", model));
    }
}
