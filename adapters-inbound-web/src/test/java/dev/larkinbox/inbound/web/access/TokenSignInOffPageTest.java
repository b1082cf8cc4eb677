package dev.larkinbox.inbound.web.access;

import static dev.larkinbox.inbound.web.support.WebServer.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.web.support.PageBeans;
import dev.larkinbox.inbound.web.support.WebServer;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where people sign in with Lark, the API token signs nobody in to the web inbox, and the page says so. */
class TokenSignInOffPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start(Map.of("test.lark-sign-in", true));

    @Test
    void theSignInPageHasNoTokenFormAndSaysWhy() {
        Reply page = web.anonymous().get("/sign-in");

        assertNull(page.page().selectFirst("input#token"));
        assertEquals("This inbox has Lark credentials: the API token does not sign in here.",
                page.page().selectFirst("main p.hint").text());
    }

    @Test
    void theTokenPostedAnywaySignsNobodyIn() {
        Reply refused = web.anonymous().post("/sign-in", form("token", PageBeans.TOKEN, "name", "eve"));

        assertEquals(401, refused.status());
        assertEquals("This inbox signs people in with Lark: the API token does not sign in here.",
                refused.page().selectFirst("[role=alert]").text());
        assertTrue(refused.headers().firstValue("Set-Cookie").isEmpty());
    }
}
