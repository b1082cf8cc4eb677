package dev.larkinbox.inbound.web.people;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.AdminOnly;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.access.Session;
import dev.larkinbox.inbound.web.access.SignedIn;
import dev.larkinbox.inbound.web.language.Reader;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Everyone who has signed in, with their role, which admins change here. A changed role counts at the person's next
 * request, on every instance: sessions and tokens read the person each time.
 */
@Controller("/people")
@NeedsSession
@AdminOnly
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PeoplePage {
    private final People people;

    PeoplePage(People people) {
        this.people = people;
    }

    @Get
    public ModelAndView<Map<String, Object>> list(HttpRequest<?> request, @Nullable @QueryValue String saved,
                                                  @Nullable @QueryValue String refused) {
        Map<String, Object> model = Pages.model(request, "people");
        model.put("people", people.all());
        model.put("roles", Arrays.stream(Role.values()).map(Role::label).toList());
        model.put("self", SignedIn.of(request).person().openId());
        if (saved != null) {
            model.put("messageKey", "people.people.saved");
        }
        if (refused != null) {
            model.put("errorKey", "people.people.not-yourself");
        }
        return new ModelAndView<>("people", model);
    }

    /**
     * An admin cannot change their own role: the inbox is never left without the admin who was working it, and
     * nobody demotes themselves by a slip.
     */
    @Post("/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> changeRole(HttpRequest<?> request, @Nullable String csrf, @Nullable String openId,
                                      @Nullable String role) {
        Session session = SignedIn.posted(request, csrf);
        if (session.person().openId().equals(openId)) {
            return HttpResponse.seeOther(URI.create("/people?refused"));
        }
        // the API token's holder is an admin by what they hold, not by a role given here
        Optional<Person> person = openId == null ? Optional.empty()
                : people.find(openId).filter(p -> !p.isApiToken());
        Optional<Role> newRole = Arrays.stream(Role.values()).filter(r -> r.label().equals(role)).findFirst();
        if (person.isEmpty() || newRole.isEmpty()) {
            return HttpResponse.badRequest(Reader.of(request).text("people.people.no-such"));
        }
        people.save(person.get().withRole(newRole.get()));
        return HttpResponse.seeOther(URI.create("/people?saved"));
    }
}
