package dev.larkinbox.inbound.lark;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.card.FeedbackCard;

/** How a feedback card looks in Lark: the same rendering the cards are posted with (the app wires it in). */
@FunctionalInterface
public interface CardRendering {
    JsonObject card(FeedbackCard card);
}
