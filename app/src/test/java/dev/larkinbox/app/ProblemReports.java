package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Reports of two problems as users write them and Lark sends them, each from a tenant of its own: a cart page that
 * loads slowly (slow_page_load on pages/cart, P2) and a crash on paying (crash on pages/pay, P1).
 */
final class ProblemReports {
    static final List<String> SLOW_CART = List.of(
            "购物车页面加载很慢，要等十几秒才出来", "购物车页面加载很慢，一直在转圈", "打开购物车页面加载很慢",
            "购物车页面加载太慢了，要等很久", "购物车页面加载很慢，商品列表出不来", "购物车页面又加载很慢了",
            "购物车页面加载很慢，刷新也没用");
    static final List<String> PAYMENT_CRASH = List.of("点击支付后应用闪退", "支付的时候应用闪退了");

    private ProblemReports() {
    }

    static String slowCart(String app, String feedbackId, int n) {
        return event(app, feedbackId, 6, "pages/cart", SLOW_CART.get(n));
    }

    static String paymentCrash(String app, String feedbackId, int n) {
        return event(app, feedbackId, 5, "pages/pay", PAYMENT_CRASH.get(n));
    }

    private static String event(String app, String feedbackId, int faultType, String path, String description) {
        JsonObject event = JsonParser.parseString(LarkFixtures.feedback("ev_" + feedbackId, feedbackId))
                .getAsJsonObject();
        event.getAsJsonObject("header").addProperty("tenant_key", "tenant_" + UUID.randomUUID());
        JsonObject body = event.getAsJsonObject("event");
        body.addProperty("app_id", app);
        JsonArray kinds = new JsonArray();
        kinds.add(faultType);
        body.add("fault_type", kinds);
        body.addProperty("feedback_path", path);
        body.addProperty("description", description);
        return event.toString();
    }

    /** The problem the feedback belongs to once grouped; null before. */
    static String problemOf(InboxApi api, String feedbackId) {
        JsonElement id = api.json("/api/feedback/" + feedbackId).get("problem_id");
        return id.isJsonNull() ? null : id.getAsString();
    }

    static List<String> members(InboxApi api, String problemId) {
        return api.all("/api/problems/" + problemId + "/feedback", "").stream()
                .map(f -> f.get("feedback_id").getAsString()).sorted().toList();
    }

    static List<String> reasons(JsonObject problem) {
        return StreamSupport.stream(problem.getAsJsonArray("reasons").spliterator(), false)
                .map(JsonElement::getAsString).toList();
    }

    static void moveTo(InboxApi api, String problemId, String status) {
        HttpResponse<String> moved = api.patch("/api/problems/" + problemId, "{\"status\":\"" + status + "\"}",
                java.util.Map.of());
        assertEquals(200, moved.statusCode(), moved.body());
    }

    static void deliver(URI service, String event) {
        HttpResponse<String> answer = ChatCardsEndToEndTest.webhook(service, event);
        assertEquals(200, answer.statusCode(), answer.body());
    }
}
