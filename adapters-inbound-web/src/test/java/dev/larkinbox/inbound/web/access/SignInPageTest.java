package dev.larkinbox.inbound.web.access;

import static dev.larkinbox.inbound.web.support.WebServer.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.web.support.PageBeans;
import dev.larkinbox.inbound.web.support.WebServer;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing in with the API token, and out; what a person is told when it does not work. */
class SignInPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    @Test
    void theSignInPageAsksForTheTokenAndAnOptionalName() {
        Reply page = web.anonymous().get("/sign-in");

        assertEquals(200, page.status());
        assertEquals("API token", page.page().selectFirst("label[for=token]").text());
        assertEquals("password", page.page().selectFirst("input#token").attr("type"));
        assertTrue(page.page().selectFirst("label[for=name]").text().startsWith("Your name"));
    }

    @Test
    void aWrongTokenIsRefusedWithTheReasonAndNoSession() {
        Reply refused = web.anonymous().post("/sign-in", form("token", "not-the-token", "name", "mallory"));

        assertEquals(401, refused.status());
        assertEquals("That is not the API token of this inbox.", refused.page().selectFirst("[role=alert]").text());
        assertTrue(refused.headers().firstValue("Set-Cookie").isEmpty(), "no session");
    }

    @Test
    void aNameThatIsNoUsableNameIsRefusedWithTheRule() {
        Reply refused = web.anonymous().post("/sign-in", form("token", PageBeans.TOKEN, "name", "x".repeat(101)));

        assertEquals(401, refused.status());
        assertEquals("Your name must be at most 100 characters, on one line.",
                refused.page().selectFirst("[role=alert]").text());
    }

    @Test
    void withoutANameThePersonIsTheApisDefaultUser() {
        Reply signedIn = web.anonymous().post("/sign-in", form("token", PageBeans.TOKEN, "name", ""));

        assertEquals(303, signedIn.status());
        assertEquals("/", signedIn.location());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("httponly") && cookie.contains("SameSite=Strict"), cookie);
        assertEquals("Signed in as " + PageBeans.DEFAULT_USER, web.signIn("").get("/").page()
                .selectFirst("form[action=/sign-out] span").text());
    }

    @Test
    void signingOutEndsTheSessionAndNeedsTheSessionsFormToken() {
        WebServer.Visitor alice = web.signIn("alice");

        Reply forged = alice.post("/sign-out", form("csrf", "forged"));
        assertEquals(403, forged.status());
        assertEquals(200, alice.get("/").status(), "still signed in");

        Reply out = alice.post("/sign-out", form());
        assertEquals(303, out.status());
        assertEquals("/sign-in", out.location());
        Reply after = alice.get("/");
        assertEquals(303, after.status(), "the session is over");
        assertEquals("/sign-in", after.location());
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecureAndHostPrefixedAndStillSignsIn() {
        Reply signedIn = web.anonymous().post("/sign-in", form("token", PageBeans.TOKEN, "name", "pat"),
                Map.of("X-Forwarded-Proto", "https"));

        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("__Host-inbox_session=") && cookie.contains("Secure")
                && cookie.contains("Path=/") && !cookie.contains("Domain"), cookie);
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("httponly") && cookie.contains("SameSite=Strict"), cookie);
    }
}
