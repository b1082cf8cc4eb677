package dev.larkinbox.outbound.lark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.larkinbox.domain.card.CardAction;
import dev.larkinbox.domain.card.DailyDigest;
import dev.larkinbox.domain.card.FeedbackCard;
import dev.larkinbox.domain.card.ProblemCard;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Cards and the digest carry Chinese and English, so that Lark shows each reader the language of their client. */
class LarkCardJsonTest {
    private static final FeedbackCard CRASH = new FeedbackCard("fb-1", Priority.P1, "stability", "cli_a",
            List.of("crash", "freeze"), List.of("点结算就闪退"), Instant.parse("2024-05-01T08:00:00Z"),
            FeedbackStatus.ACKNOWLEDGED, true, null, URI.create("https://inbox.example.com/feedback/fb-1"),
            List.of(CardAction.values()));

    @Test
    void aFeedbackCardHasItsTitleAndBodyInBothLanguagesWithTheSameButtons() {
        JsonObject card = LarkCardJson.card(CRASH);

        JsonObject title = card.getAsJsonObject("header").getAsJsonObject("title");
        assertEquals("P1 稳定性：崩溃、卡死", title.getAsJsonObject("i18n").get("zh_cn").getAsString());
        assertEquals("P1 stability: crash, freeze", title.getAsJsonObject("i18n").get("en_us").getAsString());
        assertEquals("P1 stability: crash, freeze", title.get("content").getAsString(), "for a client without i18n");
        assertFalse(card.has("elements"), "i18n_elements instead, as Lark's card JSON 1.0 wants");
        String zh = body(card, "zh_cn").toString();
        assertTrue(zh.contains("状态\\n已确认，已分配"), zh);
        assertTrue(zh.contains("接收时间\\n2024-05-01 16:00（北京时间）"), zh);
        assertTrue(zh.contains("点结算就闪退"), "what the user wrote, as written");
        String en = body(card, "en_us").toString();
        assertTrue(en.contains("Status\\nacknowledged, assigned"), en);
        assertTrue(en.contains("Received\\n2024-05-01 08:00 UTC"), en);
        assertEquals(List.of("确认", "分配给我", "标记已解决", "在收件箱中打开"), buttons(card, "zh_cn"));
        assertEquals(List.of("Acknowledge", "Assign to me", "Resolve", "Open in inbox"), buttons(card, "en_us"));
        assertEquals(values(card, "en_us"), values(card, "zh_cn"), "a click does the same in either language");
    }

    @Test
    void aCardNamesTheAssigneeWhoSignedInInBothLanguages() {
        FeedbackCard named = new FeedbackCard("fb-1", Priority.P1, "stability", "cli_a", List.of("crash"),
                List.of("点结算就闪退"), Instant.parse("2024-05-01T08:00:00Z"), FeedbackStatus.IN_PROGRESS, true,
                "王小明", URI.create("https://inbox.example.com/feedback/fb-1"), List.of(CardAction.values()));
        JsonObject card = LarkCardJson.card(named);

        assertTrue(body(card, "zh_cn").toString().contains("已分配给 王小明"), body(card, "zh_cn").toString());
        assertTrue(body(card, "en_us").toString().contains("in_progress, assigned to 王小明"),
                body(card, "en_us").toString());
    }

    @Test
    void aProblemsCardWithItsReasonsInEachLanguageAndTheDigestToo() {
        JsonObject problem = LarkCardJson.problem(new ProblemCard("pr-1", ProblemCard.Kind.SPIKE, "2024-05-01T08",
                "结算页很慢", "cli_a", Priority.P2, 12, 3, List.of("slow_page_load"),
                List.of(Reason.of("spike.since", "2024-05-01T08:00:00Z"), Reason.of("spike.raises", "P3", "P2")),
                null));
        assertEquals("P2 激增：页面加载慢", titleIn(problem, "zh_cn"));
        assertEquals("P2 spike: slow_page_load", titleIn(problem, "en_us"));
        assertTrue(body(problem, "zh_cn").toString().contains("12 条，来自 3 个租户"));
        assertTrue(body(problem, "zh_cn").toString().contains("自 2024-05-01T08:00:00Z 起激增\\n激增使其从 P3 升为 P2"),
                body(problem, "zh_cn").toString());
        assertTrue(body(problem, "en_us").toString().contains(
                "spiking since 2024-05-01T08:00:00Z\\nthe spike raises it from P3 to P2"),
                body(problem, "en_us").toString());

        JsonObject digest = LarkCardJson.digest(new DailyDigest(LocalDate.parse("2024-05-02"),
                Map.of(Priority.P1, 1L), List.of(new DailyDigest.Waiting(Priority.P1, "stability",
                Duration.ofDays(3), null)), 4, 2));
        assertEquals("反馈日报 2024-05-02", titleIn(digest, "zh_cn"));
        assertEquals("Feedback digest 2024-05-02", titleIn(digest, "en_us"));
        String zh = body(digest, "zh_cn").toString();
        assertTrue(zh.contains("自昨天以来：新增 4 条，解决或关闭 2 条；未完结 1 条"), zh);
        assertTrue(zh.contains("P1 稳定性，已等待 3 天"), zh);
        assertTrue(body(digest, "en_us").toString().contains("P1 stability, waiting 3 days"));
    }

    @Test
    void bothLanguagesHaveEveryText() throws IOException {
        Properties zh = bundle("cards/cards_zh_CN.properties");
        Properties en = bundle("cards/cards_en.properties");
        assertEquals(en.stringPropertyNames(), zh.stringPropertyNames());
    }

    private static JsonArray body(JsonObject card, String language) {
        return card.getAsJsonObject("i18n_elements").getAsJsonArray(language);
    }

    private static String titleIn(JsonObject card, String language) {
        return card.getAsJsonObject("header").getAsJsonObject("title").getAsJsonObject("i18n").get(language)
                .getAsString();
    }

    private static List<JsonObject> buttonObjects(JsonObject card, String language) {
        return StreamSupport.stream(body(card, language).spliterator(), false).map(JsonElement::getAsJsonObject)
                .filter(e -> "action".equals(e.get("tag").getAsString()))
                .flatMap(e -> StreamSupport.stream(e.getAsJsonArray("actions").spliterator(), false))
                .map(JsonElement::getAsJsonObject).toList();
    }

    private static List<String> buttons(JsonObject card, String language) {
        return buttonObjects(card, language).stream()
                .map(b -> b.getAsJsonObject("text").get("content").getAsString()).toList();
    }

    private static List<String> values(JsonObject card, String language) {
        return buttonObjects(card, language).stream()
                .map(b -> b.has("value") ? b.get("value").toString() : b.get("url").getAsString()).toList();
    }

    private static Properties bundle(String path) throws IOException {
        var properties = new Properties();
        try (InputStream in = LarkCardJsonTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
