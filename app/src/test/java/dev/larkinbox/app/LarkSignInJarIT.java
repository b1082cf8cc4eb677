package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26's "done when" for signing in with Lark, against the packaged jar configured by environment and the
 * stand-in Lark: a member of the team's chat signs in through the real redirects (a client that keeps cookies, as a
 * browser does) and the change they make bears their name; someone outside the chat cannot get in.
 */
class LarkSignInJarIT {
    private static final String TEAM = "oc_jar_team";
    private static final String MEMBER = "ou_jar_member";
    private static final String STRANGER = "ou_jar_stranger";
    private static final Pattern REFRESH = Pattern.compile("<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("name=\"(csrf|version)\" value=\"([^\"]*)\"");

    @Test
    void aChatMemberSignsInWithLarkAndTheirChangeBearsTheirNameAndANonMemberCannotGetIn(@TempDir Path dir)
            throws Exception {
        String id = WorkTheInboxTest.uid();
        try (LarkStandIn lark = LarkStandIn.start(WorkTheInboxTest.APP, WorkTheInboxTest.SECRET, 10)) {
            lark.accounts().person(MEMBER, "王小明");
            lark.accounts().person(STRANGER, "Mallory");
            lark.accounts().chatMembers(TEAM, MEMBER);
            int port = ServiceProcess.freePort();
            URI site = URI.create("http://localhost:" + port);
            try (ServiceProcess service = ServiceProcess.fromJar(PackagedJarIT.JAR, dir, env(lark, site, TEAM),
                    port)) {
                assertEquals(200, ChatCardsEndToEndTest.webhook(service.uri(), ChatCardsEndToEndTest.crashEvent(id))
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

                HttpResponse<String> page = member.get("/feedback/" + id);
                Map<String, String> fields = new HashMap<>();
                Matcher field = FIELD.matcher(page.body());
                while (field.find()) {
                    fields.put(field.group(1), field.group(2));
                }
                HttpResponse<String> saved = member.post("/feedback/" + id, Map.of("csrf", fields.get("csrf"),
                        "version", fields.get("version"), "status", "acknowledged", "note", "我来看看"));
                assertTrue(saved.statusCode() < 400, saved.statusCode() + ": " + saved.body());

                JsonObject change = new InboxApi(service.uri()).json("/api/feedback/" + id + "/history")
                        .getAsJsonArray("items").get(0).getAsJsonObject();
                assertEquals(MEMBER, change.get("actor").getAsString(), change.toString());
                assertTrue(member.get("/feedback/" + id).body().contains("王小明"), "the history names them");
            }
        }
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

        /** The way back from Lark this visitor took last, as it was: code, state and all. */
        URI lastCallback() {
            return lastCallback;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(site.resolve(path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
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
