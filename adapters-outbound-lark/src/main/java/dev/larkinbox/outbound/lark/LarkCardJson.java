package dev.larkinbox.outbound.lark;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.larkinbox.domain.card.CardAction;
import dev.larkinbox.domain.card.DailyDigest;
import dev.larkinbox.domain.card.FeedbackCard;
import dev.larkinbox.domain.card.ProblemCard;
import dev.larkinbox.domain.triage.Priority;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A feedback card as Lark's interactive card JSON. What the user wrote goes in {@code plain_text} only, so that
 * it cannot pass itself off as markdown (links, mentions) in the team's chat. Each button's {@code value} names
 * the feedback and the action: it is what {@code card.action.trigger} brings back.
 */
public final class LarkCardJson {
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private LarkCardJson() {
    }

    public static JsonObject card(FeedbackCard card) {
        JsonObject json = new JsonObject();
        JsonObject config = new JsonObject();
        config.addProperty("wide_screen_mode", true);
        // a card everyone in the chat sees the same, so that an update shows for all of them
        config.addProperty("update_multi", true);
        json.add("config", config);

        JsonObject header = new JsonObject();
        header.addProperty("template", colour(card.priority()));
        header.add("title", text(card.priority() + " " + card.category()
                + (card.faultKinds().isEmpty() ? "" : ": " + String.join(", ", card.faultKinds()))));
        json.add("header", header);

        JsonArray elements = new JsonArray();
        JsonArray fields = new JsonArray();
        fields.add(field("Status", card.status().label() + (card.assignee() != null ? ", assigned to " + card.assignee()
                : card.assigned() ? ", assigned" : "")));
        fields.add(field("App", card.appId() == null ? "unknown" : card.appId()));
        fields.add(field("Received", RECEIVED.format(card.receivedAt())));
        fields.add(field("Feedback", card.feedbackId()));
        JsonObject facts = new JsonObject();
        facts.addProperty("tag", "div");
        facts.add("fields", fields);
        elements.add(facts);
        if (!card.description().isEmpty()) {
            elements.add(div(text(String.join("\n", card.description()))));
        }
        JsonArray buttons = new JsonArray();
        for (CardAction action : card.actions()) {
            JsonObject value = new JsonObject();
            value.addProperty(CardAction.VALUE_FEEDBACK_ID, card.feedbackId());
            value.addProperty(CardAction.VALUE_ACTION, action.label());
            JsonObject button = button(buttonText(action), action == CardAction.ACKNOWLEDGE ? "primary" : "default");
            button.add("value", value);
            buttons.add(button);
        }
        if (card.link() != null) {
            JsonObject open = button("Open in inbox", "default");
            open.addProperty("url", card.link().toString());
            buttons.add(open);
        }
        JsonObject actions = new JsonObject();
        actions.addProperty("tag", "action");
        actions.add("actions", buttons);
        elements.add(actions);
        json.add("elements", elements);
        return json;
    }

    /**
     * A problem's spike or regression: its title (the user's words, in plain text), priority, how many reports from
     * how many tenants, and why.
     */
    public static JsonObject problem(ProblemCard card) {
        JsonObject json = new JsonObject();
        JsonObject config = new JsonObject();
        config.addProperty("wide_screen_mode", true);
        json.add("config", config);
        JsonObject header = new JsonObject();
        header.addProperty("template", colour(card.priority()));
        header.add("title", text(card.priority() + (card.kind() == ProblemCard.Kind.SPIKE ? " spike: " : " regression: ")
                + (card.faultKinds().isEmpty() ? "problem" : String.join(", ", card.faultKinds()))));
        json.add("header", header);

        JsonArray elements = new JsonArray();
        JsonArray fields = new JsonArray();
        fields.add(field("Reports", card.count() + " from " + card.tenants()
                + (card.tenants() == 1 ? " tenant" : " tenants")));
        fields.add(field("App", card.appId() == null ? "unknown" : card.appId()));
        fields.add(field("Problem", card.problemId()));
        JsonObject facts = new JsonObject();
        facts.addProperty("tag", "div");
        facts.add("fields", fields);
        elements.add(facts);
        if (card.title() != null) {
            elements.add(div(text(card.title())));
        }
        if (!card.reasons().isEmpty()) {
            elements.add(div(text(String.join("\n", card.reasons()))));
        }
        if (card.link() != null) {
            JsonObject open = button("Open in inbox", "default");
            open.addProperty("url", card.link().toString());
            JsonObject actions = new JsonObject();
            actions.addProperty("tag", "action");
            JsonArray buttons = new JsonArray();
            buttons.add(open);
            actions.add("actions", buttons);
            elements.add(actions);
        }
        json.add("elements", elements);
        return json;
    }

    /** The day's digest: counts only, and for the oldest open feedback what it is and how long it waits. */
    public static JsonObject digest(DailyDigest digest) {
        JsonObject json = new JsonObject();
        JsonObject config = new JsonObject();
        config.addProperty("wide_screen_mode", true);
        json.add("config", config);
        JsonObject header = new JsonObject();
        header.addProperty("template", "blue");
        header.add("title", text("Feedback digest " + digest.day()));
        json.add("header", header);

        JsonArray elements = new JsonArray();
        JsonArray fields = new JsonArray();
        digest.openByPriority().forEach((priority, count) -> fields.add(field(priority + " open", count.toString())));
        JsonObject counts = new JsonObject();
        counts.addProperty("tag", "div");
        counts.add("fields", fields);
        elements.add(counts);
        elements.add(div(text("Since yesterday: " + digest.arrived() + " new, " + digest.resolved()
                + " resolved or closed; " + digest.openTotal() + " open")));
        for (DailyDigest.Waiting waiting : digest.oldest()) {
            JsonObject line = div(text(waiting.priority() + " " + waiting.category() + ", waiting "
                    + age(waiting.age())));
            if (waiting.link() != null) {
                JsonObject open = button("Open", "default");
                open.addProperty("url", waiting.link().toString());
                line.add("extra", open);
            }
            elements.add(line);
        }
        json.add("elements", elements);
        return json;
    }

    private static String age(Duration age) {
        long days = age.toDays();
        return days > 0 ? days + (days == 1 ? " day" : " days") : age.toHours() + " h";
    }

    private static JsonObject div(JsonObject text) {
        JsonObject div = new JsonObject();
        div.addProperty("tag", "div");
        div.add("text", text);
        return div;
    }

    private static String buttonText(CardAction action) {
        return switch (action) {
            case ACKNOWLEDGE -> "Acknowledge";
            case ASSIGN_TO_ME -> "Assign to me";
            case RESOLVE -> "Resolve";
        };
    }

    private static String colour(Priority priority) {
        return switch (priority) {
            case P1 -> "red";
            case P2 -> "orange";
            case P3 -> "yellow";
            case P4 -> "grey";
        };
    }

    private static JsonObject button(String label, String type) {
        JsonObject button = new JsonObject();
        button.addProperty("tag", "button");
        button.add("text", text(label));
        button.addProperty("type", type);
        return button;
    }

    private static JsonObject field(String name, String value) {
        JsonObject field = new JsonObject();
        field.addProperty("is_short", true);
        field.add("text", text(name + "\n" + value));
        return field;
    }

    private static JsonObject text(String content) {
        JsonObject text = new JsonObject();
        text.addProperty("tag", "plain_text");
        text.addProperty("content", content);
        return text;
    }
}
