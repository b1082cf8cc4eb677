package dev.larkinbox.inbound.lark;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.card.CardActionResult;

/**
 * The answer to a card click that Lark shows at once: {@code {"toast": {...}, "card": {"type": "raw", "data":
 * {...}}}}, the card as a JSON object (a string would do nothing).
 */
final class CardAnswer {
    private CardAnswer() {
    }

    static JsonObject of(CardActionResult result, CardRendering rendering) {
        JsonObject toast = new JsonObject();
        toast.addProperty("type", switch (result.verdict()) {
            case DONE -> "success";
            case REPEATED -> "info";
            case REFUSED, UNKNOWN_FEEDBACK -> "error";
        });
        toast.addProperty("content", result.message());
        JsonObject answer = new JsonObject();
        answer.add("toast", toast);
        if (result.card() != null) {
            JsonObject card = new JsonObject();
            card.addProperty("type", "raw");
            card.add("data", rendering.card(result.card()));
            answer.add("card", card);
        }
        return answer;
    }
}
