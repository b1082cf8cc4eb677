package dev.larkinbox.inbound.web.people;

import static dev.larkinbox.inbound.web.support.WebServer.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.person.PersonalTokens;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.person.SecretHash;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import java.time.Instant;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A person's own API tokens: created with a name, shown once, acting as them, revoked. */
class MyTokensPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    private final Person vera = new Person(Arrivals.unique("ou_viewer_"), "Vera", null, Role.VIEWER);
    private final WebServer.Visitor viewer = web.signIn(vera);

    @Test
    void aViewerCreatesANamedTokenShownOnceThatActsAsThem() {
        Document form = viewer.get("/me/tokens").page();
        assertEquals("Name", form.selectFirst("label[for=token-name]").text());
        assertEquals("Create", form.selectFirst("form[action=/me/tokens] button").text());

        Reply created = viewer.post("/me/tokens", form("name", "my laptop", "expiry", "30"));

        assertEquals(200, created.status(), created.body());
        String token = created.page().selectFirst("code#new-token").text();
        assertTrue(token.startsWith("inbox_") && token.length() > 40, token);
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(Optional.of(vera), tokens().use(SecretHash.of(token), Instant.now()));
        Document later = viewer.get("/me/tokens").page();
        assertNull(later.selectFirst("code#new-token"), "shown once");
        assertFalse(later.body().text().contains(token));
        assertEquals("my laptop", later.selectFirst("tbody td").text());
        assertEquals("Revoke", later.selectFirst("tbody button").text());
        assertTrue(tokens().of(vera.openId()).get(0).expiresAt().isAfter(Instant.now().plusSeconds(29 * 86400L)));
    }

    @Test
    void aRevokedTokenNoLongerWorksAndNobodyRevokesAnothersToken() {
        String token = viewer.post("/me/tokens", form("name", "ci")).page().selectFirst("code#new-token").text();
        long id = tokens().of(vera.openId()).get(0).id();
        WebServer.Visitor other = web.signIn(new Person(Arrivals.unique("ou_admin_"), "Ada", null, Role.ADMIN));

        other.post("/me/tokens/" + id + "/revoke", form());
        assertTrue(tokens().use(SecretHash.of(token), Instant.now()).isPresent(), "not Ada's to revoke");

        Reply revoked = viewer.post("/me/tokens/" + id + "/revoke", form());
        assertEquals("/me/tokens?revoked", revoked.location());
        assertTrue(tokens().use(SecretHash.of(token), Instant.now()).isEmpty());
        assertEquals("Token revoked: it no longer works.",
                viewer.get(revoked.location()).page().selectFirst("[role=status]").text());
    }

    @Test
    void aTokenNeedsANameAndAFormFromThisInbox() {
        Reply unnamed = viewer.post("/me/tokens", form("name", " "));
        Reply forged = viewer.post("/me/tokens", form("csrf", "forged", "name", "x"));

        assertEquals("Give the token a name of at most 100 characters, on one line.",
                unnamed.page().selectFirst("[role=alert]").text());
        assertEquals(403, forged.status());
        assertEquals(0, tokens().of(vera.openId()).size());
    }

    private static PersonalTokens tokens() {
        return web.bean(PersonalTokens.class);
    }
}
