package dev.larkinbox.inbound.web.support;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.inbound.web.access.Sessions;
import dev.larkinbox.inbound.web.access.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;

/**
 * What the sign-in with Lark does once Lark has said who someone is: a session for a person the inbox knows, with
 * their role. The pages' tests sign in viewers, members and admins through it.
 */
@Controller("/test-sign-in")
class SignInAs {
    private final Sessions sessions;
    private final People people;

    SignInAs(Sessions sessions, People people) {
        this.sessions = sessions;
        this.people = people;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @QueryValue String openId) {
        var session = sessions.signIn(people.find(openId).orElseThrow(), request);
        return HttpResponse.seeOther(URI.create("/")).cookie(SignedIn.cookie(session, request));
    }
}
