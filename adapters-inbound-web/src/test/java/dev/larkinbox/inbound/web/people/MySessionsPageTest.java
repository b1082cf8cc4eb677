package dev.larkinbox.inbound.web.people;

import static dev.larkinbox.inbound.web.support.WebServer.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A person sees where they are signed in, and ends any of those sessions. */
class MySessionsPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    @Test
    void aPersonSeesTheirOwnSessionsAndEndsAnotherOneWhichSignsThatBrowserOut() {
        Person vera = new Person(Arrivals.unique("ou_viewer_"), "Vera", null, Role.VIEWER);
        WebServer.Visitor laptop = web.signIn(vera);
        WebServer.Visitor phone = web.signIn(vera);
        web.signIn(new Person(Arrivals.unique("ou_member_"), "Mia", null, Role.MEMBER));

        Document page = laptop.get("/me/sessions").page();
        List<Element> rows = page.select("tbody tr");
        assertEquals(2, rows.size(), "hers only");
        assertEquals(1, page.select("tbody tr:contains((this one))").size());
        assertTrue(rows.get(0).text().contains("Java-http-client"), rows.get(0).text());
        String other = page.selectFirst("tbody tr:not(:contains((this one))) form").attr("action");

        Reply ended = laptop.post(other, form());

        assertEquals("/me/sessions", ended.location());
        assertEquals("/sign-in", phone.get("/").location(), "the phone is signed out");
        assertEquals(200, laptop.get("/").status());
        assertEquals(1, laptop.get("/me/sessions").page().select("tbody tr").size());
    }

    @Test
    void endingTheSessionInUseSignsThePersonOut() {
        WebServer.Visitor vera = web.signIn(new Person(Arrivals.unique("ou_viewer_"), "Vera", null, Role.VIEWER));
        String mine = vera.get("/me/sessions").page().selectFirst("tbody tr form").attr("action");

        Reply ended = vera.post(mine, form());

        assertEquals("/sign-in", ended.location());
        assertEquals("/sign-in", vera.get("/").location());
    }
}
