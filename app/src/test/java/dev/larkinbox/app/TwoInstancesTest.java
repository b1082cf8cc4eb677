package dev.larkinbox.app;

import static dev.larkinbox.app.ChatCardsEndToEndTest.crashEvent;
import static dev.larkinbox.app.ChatCardsEndToEndTest.webhook;
import static dev.larkinbox.app.WorkTheInboxTest.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.PersonalTokens;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.person.SecretHash;
import dev.larkinbox.outbound.lark.image.ImageHost;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.PostedCard;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * Two instances of the service on one database: they share their queues (every card is sent once and every image
 * fetched once, each by one of them), the web sessions and the personal API tokens. The first is the shared
 * service; the second runs beside it on its database, started once for the class. Each test's reports are of an
 * app of its own, so that they make a problem of their own.
 */
@ExtendWith(SharedInbox.class)
class TwoInstancesTest {
    private static final int CARDS = 20;
    private static final int IMAGES = 20;

    @TempDir
    static Path two;
    private static RunningInbox second;

    @BeforeAll
    static void startTheSecond() {
        second = RunningInbox.start(config(two, SharedInbox.lark(), SharedInbox.images(), SharedInbox.inbox()));
    }

    @AfterAll
    static void stopTheSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSessionSpansBothInstancesAndSigningOutOnOneEndsItOnTheOther() {
        URI first = SharedInbox.inbox().uri();
        SignedInVisitor dana = SignedInVisitor.signIn(first, "dana");

        HttpResponse<String> there = dana.get(second.uri(), "/me/sessions");
        assertEquals(200, there.statusCode(), "signed in on the other instance too");
        assertTrue(there.body().contains("Signed in as <strong>dana</strong>"), there.body());

        assertEquals(303, dana.post(second.uri(), "/sign-out", Map.of()).statusCode());
        HttpResponse<String> back = dana.get(first, "/");
        assertEquals(303, back.statusCode());
        assertEquals("/sign-in", back.headers().firstValue("Location").orElseThrow(), "signed out everywhere");
    }

    @Test
    void aPersonalTokenActsAsItsOwnerOnEitherInstanceAndARevokedOneIsRefusedOnTheOtherAtOnce() {
        RunningInbox first = SharedInbox.inbox();
        Person mia = first.context().getBean(People.class).save(new Person("ou_two_" + uid(), "Mia", null,
                Role.MEMBER));
        PersonalTokens tokens = first.context().getBean(PersonalTokens.class);
        String token = "inbox_" + SecretHash.newSecret(); // as /me/tokens makes one for her
        tokens.create(SecretHash.of(token), mia.openId(), "script", Instant.now(), null);
        String crash = uid();
        // a suggestion: no card in the chat, so the cards' test counts only its own
        assertEquals(200, webhook(first.uri(), ChatCardsEndToEndTest.suggestionEvent(crash)).statusCode());

        HttpResponse<String> worked = bearer(token, HttpRequest.newBuilder(second.uri()
                .resolve("/api/feedback/" + crash)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"acknowledged\"}")));
        assertEquals(200, worked.statusCode(), worked.body());
        JsonObject change = new InboxApi(first.uri()).json("/api/feedback/" + crash + "/history")
                .getAsJsonArray("items").get(0).getAsJsonObject();
        assertEquals(mia.openId(), change.get("actor").getAsString());
        assertEquals("Mia", change.get("actor_name").getAsString());

        long id = tokens.of(mia.openId()).get(0).id();
        assertTrue(tokens.revoke(id, mia.openId()));
        HttpResponse<String> refused = bearer(token, HttpRequest.newBuilder(second.uri().resolve("/api/me")).GET());
        assertEquals(401, refused.statusCode(), "revoked on the first, refused by the second at its next request");
    }

    @Test
    void aTokenMadeOnThePageWorksOnTheOtherInstance() {
        SignedInVisitor erin = SignedInVisitor.signIn(SharedInbox.inbox().uri(), "erin");
        String token = erin.createToken(SharedInbox.inbox().uri(), "laptop");

        HttpResponse<String> me = bearer(token, HttpRequest.newBuilder(second.uri().resolve("/api/me"))
                .GET());

        assertEquals(200, me.statusCode(), me.body());
        JsonObject caller = JsonParser.parseString(me.body()).getAsJsonObject();
        assertEquals("api-token", caller.get("open_id").getAsString(), "signed in with the API token: its holder");
        assertEquals("admin", caller.get("role").getAsString());
    }

    @Test
    @ExtendWith(ChromiumAvailable.class)
    void anInboxOpenOnOneInstanceShowsFeedbackTheOtherTookAndAChangeTheOtherMadeWithoutAReload() {
        URI first = SharedInbox.inbox().uri();
        String word = "live" + uid().substring(0, 12);
        String earlier = uid();
        assertEquals(200, webhook(first, described(earlier, word + " the first report")).statusCode());
        try (Browser browser = new Browser(first.toString())) {
            WorkTheInboxTest.signIn(browser);
            browser.open("/?q=" + word);
            browser.awaitRows("Feedback", 1);
            browser.driver().executeScript("window.openedOnce = true;");

            String later = uid();
            assertEquals(200, webhook(second.uri(), described(later, word + " taken by the other")).statusCode());
            onThePage(browser, "the feedback the other instance took, listed", () -> browser.all(
                    By.cssSelector("tbody tr[data-id='" + later + "'].arrived")).size() == 1);
            assertEquals(2, browser.rows("Feedback").size());

            HttpResponse<String> changed = new InboxApi(second.uri()).patch("/api/feedback/" + earlier,
                    "{\"status\":\"acknowledged\"}", Map.of());
            assertEquals(200, changed.statusCode(), changed.body());
            onThePage(browser, "the change the other instance made, in its row", () -> "acknowledged".equals(
                    browser.one(By.cssSelector("tr[data-id='" + earlier + "'] .cell-status")).getText()));
            assertEquals(true, browser.driver().executeScript("return window.openedOnce === true;"),
                    "no reload: the page is still the one opened");
        }
    }

    /** Within one poll of the page, and what a loaded machine adds to answering it. */
    private static void onThePage(Browser browser, String what, Callable<Boolean> shown) {
        Awaitility.await(what).atMost(SharedInbox.LIVE_INTERVAL.plusSeconds(10)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(shown);
    }

    private static String described(String feedbackId, String description) {
        JsonObject event = JsonParser.parseString(ChatCardsEndToEndTest.suggestionEvent(feedbackId))
                .getAsJsonObject();
        event.getAsJsonObject("event").addProperty("description", description);
        return event.toString();
    }

    private static HttpResponse<String> bearer(String token, HttpRequest.Builder request) {
        return Http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15)).build());
    }

    @Test
    void twoInstancesOnOneDatabaseNeverPostACardTwice() throws Exception {
        LarkStandIn lark = SharedInbox.lark();
        RunningInbox first = SharedInbox.inbox();
        int postedBefore = lark.postedCards().size();
        int messagesBefore = lark.calls("message");
        String app = "cli_two_" + uid();
        List<String> crashes = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            String crash = uid();
            crashes.add(crash);
            assertEquals(200, webhook((i % 2 == 0 ? first : second).uri(), crashOf(app, crash)).statusCode());
        }

        // twenty reports of one crash at once are a spike of its problem: one card more, also sent once
        LarkStandIn.await("every card in the chat", Duration.ofSeconds(60),
                () -> lark.postedCards().size() - postedBefore == CARDS + 1);
        // both workers poll every 100 ms: a card claimed twice would show as a second request within a second
        Awaitility.await("each card sent once, by one instance").during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2)).until(() -> lark.calls("message") - messagesBefore == CARDS + 1);
        List<String> cards = lark.postedCards().subList(postedBefore, lark.postedCards().size()).stream()
                .map(PostedCard::card).map(Object::toString).toList();
        Predicate<String> spike = json -> json.contains(" spike: ");
        assertEquals(1, cards.stream().filter(spike).count());
        Set<String> posted = cards.stream().filter(spike.negate())
                .map(json -> crashes.stream().filter(json::contains).findFirst().orElseThrow())
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(crashes), posted);
    }

    @Test
    void twoInstancesOnOneDatabaseNeverFetchAnImageTwice() {
        RunningInbox first = SharedInbox.inbox();
        ImageHost host = SharedInbox.images();
        String app = "cli_two_" + uid();
        String run = uid();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            String id = uid();
            ids.add(id);
            // suggestions: no card in the chat, so the cards' test counts only its own
            JsonObject event = JsonParser.parseString(ChatCardsEndToEndTest.suggestionEvent(id)).getAsJsonObject();
            event.getAsJsonObject("event").addProperty("app_id", app);
            JsonArray images = new JsonArray();
            images.add(host.url("/shot.png?run=" + run + "&n=" + i).toString());
            event.getAsJsonObject("event").add("images", images);
            assertEquals(200, webhook((i % 2 == 0 ? first : second).uri(), event.toString()).statusCode());
        }
        InboxApi api = new InboxApi(first.uri());

        LarkStandIn.await("every image kept", Duration.ofSeconds(60), () -> ids.stream().allMatch(id ->
                "kept".equals(api.json("/api/feedback/" + id).getAsJsonArray("image_copies").get(0)
                        .getAsJsonObject().get("state").getAsString())));

        // a kept image is never claimed again: what was fetched by now is all that ever is
        List<String> asked = host.asked().stream().filter(path -> path.contains("run=" + run)).toList();
        assertEquals(IMAGES, asked.size(), "each image fetched once: " + asked);
        assertEquals(IMAGES, new HashSet<>(asked).size());
    }

    private static String crashOf(String app, String feedbackId) {
        JsonObject event = JsonParser.parseString(crashEvent(feedbackId)).getAsJsonObject();
        event.getAsJsonObject("event").addProperty("app_id", app);
        return event.toString();
    }

    /** The shared service's configuration, on the shared service's database. */
    private static Map<String, Object> config(Path dataDir, LarkStandIn lark, ImageHost images, RunningInbox beside) {
        Map<String, Object> config = SharedInbox.config(dataDir, lark, images);
        for (String property : List.of("url", "username", "password")) {
            config.put("datasources.default." + property, beside.context()
                    .getProperty("datasources.default." + property, String.class).orElseThrow());
        }
        return config;
    }
}
