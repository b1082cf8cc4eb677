package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 26's "done when" for signing in with Lark, against the packaged jar configured by environment and the
 * stand-in Lark: two instances of the jar on one PostgreSQL, both at the public URL of the first (Lark sends people
 * back there), as behind a load balancer. The inbox is at {@code localhost}, Lark's pages at {@code 127.0.0.1}: the
 * return from Lark is cross-site. Cookies are a host's, not a port's: one browser reaches both instances, each
 * request to the other one. A member of the team's chat signs in and the change they make bears their name, someone
 * outside the chat cannot get in; the session survives a restart of the first and spans both; a personal token
 * revoked on one is refused by the other at once; wrong tokens are throttled on both, sign-in with Lark is not; roles hold
 * on the page, the API and the cards; a reply to the reporter names its author. Started once for the class: two jars and one restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LarkSignInJarIT {
    private static final String TEAM = "oc_jar_team";
    private static final String MEMBER = "ou_jar_member";
    private static final String VIEWER = "ou_jar_viewer";
    private static final String ADMIN = "ou_jar_admin";
    private static final String STRANGER = "ou_jar_stranger";
    private static final Pattern REFRESH = Pattern.compile("<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("name=\"(csrf|version)\" value=\"([^\"]*)\"");

    @TempDir
    static Path dir;
    private static LarkStandIn lark;
    private static RestartablePostgres postgres;
    /** The first instance, at the public URL; a test restarts it. */
    private static ServiceProcess first;
    private static ServiceProcess second;
    private static URI site;
    private static URI other;

    @BeforeAll
    static void start() throws Exception {
        lark = LarkStandIn.start(WorkTheInboxTest.APP, WorkTheInboxTest.SECRET, 10);
        lark.accounts().person(MEMBER, "王小明");
        lark.accounts().person(VIEWER, "Vera");
        lark.accounts().person(ADMIN, "Ada");
        lark.accounts().person(STRANGER, "Mallory");
        lark.accounts().chatMembers(TEAM, MEMBER, VIEWER);
        postgres = RestartablePostgres.start();
        int port = ServiceProcess.freePort();
        int otherPort = ServiceProcess.freePort();
        site = URI.create("http://localhost:" + port);
        other = URI.create("http://localhost:" + otherPort);
        Map<String, String> env = env(lark, site, TEAM);
        env.putAll(postgres.environment());
        env.put("INBOX_ACCESS_ADMINS", ADMIN);
        Files.createDirectories(dir.resolve("first"));
        Files.createDirectories(dir.resolve("second"));
        first = ServiceProcess.fromJar(PackagedJarIT.JAR, dir.resolve("first"), env, port);
        second = ServiceProcess.fromJar(PackagedJarIT.JAR, dir.resolve("second"), env, otherPort);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] {second, first, postgres, lark}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                // the others are stopped all the same
            }
        }
    }

    @Test
    void aChatMemberSignsInWithLarkAndTheirChangeBearsTheirNameAndANonMemberCannotGetIn() {
        String id = WorkTheInboxTest.uid();
        assertEquals(200, ChatCardsEndToEndTest.webhook(first.uri(), ChatCardsEndToEndTest.crashEvent(id))
                .statusCode());

        lark.accounts().atTheBrowser(STRANGER);
        Visitor stranger = new Visitor(site);
        HttpResponse<String> refused = stranger.signInWithLark();
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("not a member of the team"), refused.body());
        assertEquals(303, stranger.get("/").statusCode(), "sent to sign in: no session");

        lark.accounts().atTheBrowser(MEMBER);
        Visitor member = new Visitor(site);
        HttpResponse<String> landed = member.signInWithLark();
        assertEquals(200, landed.statusCode(), landed.body());
        Matcher onwards = REFRESH.matcher(landed.body());
        assertTrue(onwards.find(), landed.body());
        HttpResponse<String> replayed = new Visitor(site).send(HttpRequest.newBuilder(member.lastCallback())
                .GET());
        assertEquals(400, replayed.statusCode(), "the same state again signs nobody in");
        HttpResponse<String> inbox = member.get(onwards.group(1));
        assertEquals(200, inbox.statusCode(), "signed in");
        assertTrue(inbox.body().contains("王小明"), "their name on the page");

        HttpResponse<String> saved = member.post("/feedback/" + id, Map.of("status", "acknowledged",
                "note", "我来看看"), "/feedback/" + id);
        assertTrue(saved.statusCode() < 400, saved.statusCode() + ": " + saved.body());

        JsonObject change = new InboxApi(first.uri()).json("/api/feedback/" + id + "/history")
                .getAsJsonArray("items").get(0).getAsJsonObject();
        assertEquals(MEMBER, change.get("actor").getAsString(), change.toString());
        assertEquals("王小明", change.get("actor_name").getAsString());
        assertTrue(member.get("/feedback/" + id).body().contains("王小明"), "the history names them");
    }

    @Test
    @ExtendWith(ChromiumAvailable.class)
    void signedInWithLarkTheSessionSpansBothInstancesAndARestartAndATokenRevokedOnOneDiesOnTheOther()
            throws Exception {
        String id = WorkTheInboxTest.uid();
        assertEquals(200, ChatCardsEndToEndTest.webhook(first.uri(), ChatCardsEndToEndTest.crashEvent(id))
                .statusCode());
        lark.accounts().atTheBrowser(MEMBER);
        try (Browser browser = new Browser(site.toString())) {
            signInWithLark(browser);

            browser.driver().get(other + "/feedback/" + id);
            browser.awaitHeading("Feedback " + id);
            browser.choose("Status", "acknowledged");
            browser.press("Save");
            browser.awaitText(By.cssSelector("[role=status]"), "Saved.");
            assertEquals("王小明", browser.rows("History").get(0).get(1), "worked on the other instance, by name");
            browser.type("Reply", "收到，我们在看");
            browser.press("Send reply");
            browser.awaitText(By.cssSelector("[role=status]"), "Reply recorded");
            browser.awaitRows("Messages to the reporter", 1);
            assertEquals("王小明", browser.rows("Messages to the reporter").get(0).get(1), "the reply's author by name");
            JsonObject reply = new InboxApi(first.uri()).json("/api/feedback/" + id + "/replies")
                    .getAsJsonArray("items").get(0).getAsJsonObject();
            assertEquals(MEMBER, reply.get("author").getAsString());
            assertEquals("王小明", reply.get("author_name").getAsString());

            first.stopWithSigterm();
            first = first.startAgain();
            browser.open("/feedback/" + id);
            browser.awaitHeading("Feedback " + id);
            assertEquals("王小明", browser.one(By.cssSelector("form.sign-out strong")).getText(),
                    "signed in still, after the restart");

            browser.driver().get(other + "/me/tokens");
            browser.awaitHeading("API tokens");
            browser.type("Name", "laptop");
            browser.press("Create");
            browser.awaitText(By.cssSelector("[role=status]"), "Token created.");
            String token = browser.one(By.id("new-token")).getText();
            HttpResponse<String> me = bearer(first.uri(), token, HttpRequest.newBuilder().GET(), "/api/me");
            assertEquals(200, me.statusCode(), me.body());
            assertEquals(MEMBER, JsonParser.parseString(me.body()).getAsJsonObject().get("open_id").getAsString());

            browser.press("Revoke");
            browser.awaitText(By.cssSelector("[role=status]"), "Token revoked");
            assertEquals(401, bearer(first.uri(), token, HttpRequest.newBuilder().GET(), "/api/me").statusCode(),
                    "revoked on the other instance: refused here at once");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    @ExtendWith(ChromiumAvailable.class)
    void rolesHoldOnThePageTheApiAndTheCards() {
        String id = WorkTheInboxTest.uid();
        assertEquals(200, ChatCardsEndToEndTest.webhook(first.uri(), ChatCardsEndToEndTest.crashEvent(id))
                .statusCode());
        // a chat member comes in as a member (the default role) and an admin makes them a viewer, in the web inbox
        lark.accounts().atTheBrowser(VIEWER);
        new Visitor(site).signedIn();
        lark.accounts().atTheBrowser(ADMIN);
        Visitor admin = new Visitor(site).signedIn();
        HttpResponse<String> demoted = admin.post("/people/role", Map.of("openId", VIEWER, "role", "viewer"),
                "/people");
        assertEquals(303, demoted.statusCode(), demoted.body());

        lark.accounts().atTheBrowser(VIEWER);
        try (Browser browser = new Browser(other.toString())) {
            signInWithLark(browser);
            browser.driver().get(other + "/feedback/" + id);
            browser.awaitHeading("Feedback " + id);
            assertTrue(browser.all(By.xpath("//button[normalize-space()='Save']")).isEmpty(), "a viewer reads");

            browser.open("/me/tokens");
            browser.awaitHeading("API tokens");
            browser.type("Name", "script");
            browser.press("Create");
            browser.awaitText(By.cssSelector("[role=status]"), "Token created.");
            String token = browser.one(By.id("new-token")).getText();
            assertEquals(200, bearer(first.uri(), token, HttpRequest.newBuilder().GET(), "/api/feedback/" + id)
                    .statusCode(), "a viewer's token reads");
            HttpResponse<String> change = bearer(first.uri(), token, HttpRequest.newBuilder()
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"acknowledged\"}")),
                    "/api/feedback/" + id);
            assertEquals(403, change.statusCode(), change.body());
            browser.assertNoConsoleErrors();
        }

        InboxApi api = new InboxApi(first.uri());
        assertEquals("error", click(id, VIEWER).getAsJsonObject("toast").get("type").getAsString());
        assertEquals("error", click(id, STRANGER).getAsJsonObject("toast").get("type").getAsString());
        assertEquals(0, api.json("/api/feedback/" + id + "/history").getAsJsonArray("items").size(),
                "nothing changed");
        JsonObject worked = click(id, MEMBER);
        assertEquals("success", worked.getAsJsonObject("toast").get("type").getAsString(), worked.toString());
        JsonObject entry = api.json("/api/feedback/" + id + "/history").getAsJsonArray("items").get(0)
                .getAsJsonObject();
        assertEquals(MEMBER, entry.get("actor").getAsString());
        assertEquals("王小明", entry.get("actor_name").getAsString());
    }

    /** Last: the address of these tests waits then on both instances, the API token's holder too. */
    @Test
    @Order(Integer.MAX_VALUE)
    void wrongTokensMeet429WellBeforeThe200thOnBothInstancesAndSigningInWithLarkStillWorks() {
        int firstRefused = 0;
        int lookedAt = 0;
        for (int i = 1; i <= 200; i++) {
            HttpResponse<String> answer = bearer(second.uri(), "inbox_wrong" + i, HttpRequest.newBuilder().GET(),
                    "/api/me");
            if (answer.statusCode() == 429) {
                assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After");
                firstRefused = firstRefused == 0 ? i : firstRefused;
            } else {
                assertEquals(401, answer.statusCode(), answer.body());
                lookedAt++;
            }
        }
        assertTrue(firstRefused > 0 && firstRefused <= 10, "the first 429 at guess " + firstRefused);
        // each wait doubles: only a few more are looked at while the 200 are sent
        assertTrue(lookedAt <= 50, lookedAt + " of 200 wrong tokens looked at");
        HttpResponse<String> there = bearer(first.uri(), InboxApi.TOKEN, HttpRequest.newBuilder().GET(), "/api/me");
        assertEquals(429, there.statusCode(), "counted where both instances see it: the right token waits too");

        lark.accounts().atTheBrowser(MEMBER);
        Visitor member = new Visitor(site).signedIn();
        assertEquals(200, member.get(other.resolve("/").toString()).statusCode(),
                "a guesser locks nobody out of the pages");
    }

    private static JsonObject click(String feedbackId, String openId) {
        HttpResponse<String> answer = ChatCardsEndToEndTest.webhook(first.uri(),
                LarkFixtures.cardAction(WorkTheInboxTest.uid(), feedbackId, "acknowledge", openId));
        assertEquals(200, answer.statusCode(), answer.body());
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    private static HttpResponse<String> bearer(URI instance, String token, HttpRequest.Builder request,
                                               String path) {
        return Http.send(request.uri(instance.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(15)).build());
    }

    /** Signed in as a person does it, on the inbox's first page. */
    private static void signInWithLark(Browser browser) {
        LarkSignInBrowserTest.signInWithLark(browser);
        browser.awaitHeading("Inbox");
    }

    /**
     * The jar's environment for people who sign in with Lark (the stand-in's accounts) as members of this chat,
     * back at this site; events encrypted and signed with the app's key; nothing synced, recovery put off.
     */
    static Map<String, String> env(LarkStandIn lark, URI site, String chat) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("LARK_ENCRYPT_KEY", WorkTheInboxTest.ENCRYPT_KEY),
                Map.entry("LARK_VERIFICATION_TOKEN", WorkTheInboxTest.TOKEN),
                Map.entry("LARK_APP_ID", WorkTheInboxTest.APP),
                Map.entry("LARK_APP_SECRET", WorkTheInboxTest.SECRET),
                Map.entry("LARK_DOMAIN", lark.baseUrl()),
                Map.entry("LARK_ACCOUNTS_DOMAIN", lark.baseUrl()),
                Map.entry("INBOX_PUBLIC_URL", site.toString()),
                Map.entry("INBOX_ACCESS_CHAT_ID", chat),
                Map.entry("INBOX_API_TOKEN", InboxApi.TOKEN),
                Map.entry("INBOX_SYNC_TO_LARK", "false"),
                Map.entry("INBOX_RECOVERY_INITIAL_DELAY", "1h")));
    }

    /** A browser as far as HTTP goes: it keeps cookies and follows Lark's redirects one by one. */
    private static final class Visitor {
        private static final Duration TIMEOUT = Duration.ofSeconds(15);
        private final URI site;
        private URI lastCallback;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();

        Visitor(URI site) {
            this.site = site;
        }

        /** The sign-in page's control, Lark's page, and the way back: the answer of the inbox's callback. */
        HttpResponse<String> signInWithLark() {
            HttpResponse<String> toLark = get("/sign-in/lark");
            assertEquals(303, toLark.statusCode(), toLark.body());
            String bound = toLark.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(bound.toLowerCase(Locale.ROOT).contains("httponly") && bound.contains("SameSite=Lax"), "sent back from Lark's site: "
                    + bound.replaceAll("=[^;]*;", "=…;"));
            HttpResponse<String> back = send(HttpRequest.newBuilder(location(toLark)).GET());
            assertEquals(302, back.statusCode(), back.body());
            URI callback = location(back);
            assertEquals(site.getAuthority(), callback.getAuthority(), "back to the inbox's public URL");
            lastCallback = callback;
            return send(HttpRequest.newBuilder(callback).GET());
        }

        /** Signed in with Lark, on the page it moves on to. */
        Visitor signedIn() {
            HttpResponse<String> landed = signInWithLark();
            assertEquals(200, landed.statusCode(), landed.body());
            Matcher onwards = REFRESH.matcher(landed.body());
            assertTrue(onwards.find(), landed.body());
            assertEquals(200, get(onwards.group(1)).statusCode(), "signed in");
            return this;
        }

        /** The way back from Lark this visitor took last, as it was: code, state and all. */
        URI lastCallback() {
            return lastCallback;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(site.resolve(path)).GET());
        }

        /** A form of the page at {@code from}, sent with the form token and version that page carries. */
        HttpResponse<String> post(String path, Map<String, String> fields, String from) {
            Map<String, String> form = new HashMap<>(fields);
            Matcher field = FIELD.matcher(get(from).body());
            while (field.find()) {
                form.putIfAbsent(field.group(1), field.group(2));
            }
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(site.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static URI location(HttpResponse<?> response) {
            return URI.create(response.headers().firstValue("Location").orElseThrow());
        }
    }
}
