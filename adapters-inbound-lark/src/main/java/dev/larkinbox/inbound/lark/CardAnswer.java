package dev.larkinbox.inbound.lark;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.card.CardActionResult;
import java.util.Locale;

/**
 * The answer to a card click that Lark shows at once: {@code {"toast": {...}, "card": {"type": "raw", "data":
 * {...}}}}, the card as a JSON object (a string would do nothing), the toast in both languages as the card is.
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
        // the English for a client that reads no i18n; Lark shows each reader their client's language
        toast.addProperty("content", result.message().english());
        JsonObject languages = new JsonObject();
        languages.addProperty("zh_cn", result.message().text(Locale.SIMPLIFIED_CHINESE));
        languages.addProperty("en_us", result.message().english());
        toast.add("i18n", languages);
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
