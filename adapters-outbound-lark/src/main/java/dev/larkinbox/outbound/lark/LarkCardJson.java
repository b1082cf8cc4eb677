package dev.larkinbox.outbound.lark;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.larkinbox.domain.card.CardAction;
import dev.larkinbox.domain.card.DailyDigest;
import dev.larkinbox.domain.card.FeedbackCard;
import dev.larkinbox.domain.card.ProblemCard;
import dev.larkinbox.domain.triage.Priority;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A feedback card as Lark's interactive card JSON (1.0), in Chinese and English: the header's title in {@code i18n},
 * the body in {@code i18n_elements}, so that Lark shows each reader the language of their client. What the user
 * wrote goes in {@code plain_text} only, so that it cannot pass itself off as markdown (links, mentions) in the
 * team's chat. Each button's {@code value} names the feedback and the action: it is what
 * {@code card.action.trigger} brings back.
 */
public final class LarkCardJson {
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LarkCardJson() {
    }

    public static JsonObject card(FeedbackCard card) {
        JsonObject config = new JsonObject();
        config.addProperty("wide_screen_mode", true);
        // a card everyone in the chat sees the same, so that an update shows for all of them
        config.addProperty("update_multi", true);
        return bilingual(config, colour(card.priority()), in -> card.faultKinds().isEmpty()
                ? in.say("feedback.title", card.priority(), in.label("category.", card.category()))
                : in.say("feedback.title.kinds", card.priority(), in.label("category.", card.category()),
                        kinds(card.faultKinds(), in)), in -> feedbackElements(card, in));
    }

    private static JsonArray feedbackElements(FeedbackCard card, CardLanguage in) {
        JsonArray elements = new JsonArray();
        JsonArray fields = new JsonArray();
        String status = in.label("status.", card.status().label());
        fields.add(field(in.say("field.status"), card.assignee() != null
                ? in.say("status.assigned-to", status, card.assignee())
                : card.assigned() ? in.say("status.assigned", status) : status));
        fields.add(field(in.say("field.app"), card.appId() == null ? in.say("app.unknown") : card.appId()));
        fields.add(field(in.say("field.received"),
                in.say("received", RECEIVED.format(card.receivedAt().atZone(in.zone())))));
        fields.add(field(in.say("field.feedback"), card.feedbackId()));
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
            JsonObject button = button(in.say("button." + action.label()),
                    action == CardAction.ACKNOWLEDGE ? "primary" : "default");
            button.add("value", value);
            buttons.add(button);
        }
        if (card.link() != null) {
            JsonObject open = button(in.say("button.open-in-inbox"), "default");
            open.addProperty("url", card.link().toString());
            buttons.add(open);
        }
        JsonObject actions = new JsonObject();
        actions.addProperty("tag", "action");
        actions.add("actions", buttons);
        elements.add(actions);
        return elements;
    }

    /**
     * A problem's spike or regression: its title (the user's words, in plain text), priority, how many reports from
     * how many tenants, and why.
     */
    public static JsonObject problem(ProblemCard card) {
        JsonObject config = new JsonObject();
        config.addProperty("wide_screen_mode", true);
        return bilingual(config, colour(card.priority()), in -> in.say(card.kind() == ProblemCard.Kind.SPIKE
                        ? "problem.spike" : "problem.regression", card.priority(),
                card.faultKinds().isEmpty() ? in.say("problem.no-kinds") : kinds(card.faultKinds(), in)),
                in -> problemElements(card, in));
    }

    private static JsonArray problemElements(ProblemCard card, CardLanguage in) {
        JsonArray elements = new JsonArray();
        JsonArray fields = new JsonArray();
        fields.add(field(in.say("field.reports"), card.tenants() == 1 ? in.say("reports.one", card.count())
                : in.say("reports", card.count(), card.tenants())));
        fields.add(field(in.say("field.app"), card.appId() == null ? in.say("app.unknown") : card.appId()));
        fields.add(field(in.say("field.problem"), card.problemId()));
        JsonObject facts = new JsonObject();
        facts.addProperty("tag", "div");
        facts.add("fields", fields);
        elements.add(facts);
        if (card.title() != null) {
            elements.add(div(text(card.title())));
        }
        if (!card.reasons().isEmpty()) {
            elements.add(div(text(card.reasons().stream().map(r -> r.text(in.locale()))
                    .collect(Collectors.joining("\n")))));
        }
        if (card.link() != null) {
            JsonObject open = button(in.say("button.open-in-inbox"), "default");
            open.addProperty("url", card.link().toString());
            JsonObject actions = new JsonObject();
            actions.addProperty("tag", "action");
            JsonArray buttons = new JsonArray();
            buttons.add(open);
            actions.add("actions", buttons);
            elements.add(actions);
        }
        return elements;
    }

    /** The day's digest: counts only, and for the oldest open feedback what it is and how long it waits. */
    public static JsonObject digest(DailyDigest digest) {
        JsonObject config = new JsonObject();
        config.addProperty("wide_screen_mode", true);
        return bilingual(config, "blue", in -> in.say("digest.title", digest.day()),
                in -> digestElements(digest, in));
    }

    private static JsonArray digestElements(DailyDigest digest, CardLanguage in) {
        JsonArray elements = new JsonArray();
        JsonArray fields = new JsonArray();
        digest.openByPriority().forEach((priority, count) ->
                fields.add(field(in.say("digest.open", priority), count.toString())));
        JsonObject counts = new JsonObject();
        counts.addProperty("tag", "div");
        counts.add("fields", fields);
        elements.add(counts);
        elements.add(div(text(in.say("digest.since-yesterday", digest.arrived(), digest.resolved(),
                digest.openTotal()))));
        for (DailyDigest.Waiting waiting : digest.oldest()) {
            JsonObject line = div(text(in.say("digest.waiting", waiting.priority(),
                    in.label("category.", waiting.category()), age(waiting.age(), in))));
            if (waiting.link() != null) {
                JsonObject open = button(in.say("button.open"), "default");
                open.addProperty("url", waiting.link().toString());
                line.add("extra", open);
            }
            elements.add(line);
        }
        return elements;
    }

    /**
     * A card in both languages: the title's {@code content} in English for a client that reads no {@code i18n}, its
     * {@code i18n} and the body's {@code i18n_elements} per language.
     */
    private static JsonObject bilingual(JsonObject config, String colour, Function<CardLanguage, String> title,
                                        Function<CardLanguage, JsonArray> elements) {
        JsonObject json = new JsonObject();
        json.add("config", config);
        JsonObject header = new JsonObject();
        header.addProperty("template", colour);
        JsonObject heading = text(title.apply(CardLanguage.EN_US));
        JsonObject titles = new JsonObject();
        JsonObject bodies = new JsonObject();
        for (CardLanguage language : CardLanguage.ALL) {
            titles.addProperty(language.larkName(), title.apply(language));
            bodies.add(language.larkName(), elements.apply(language));
        }
        heading.add("i18n", titles);
        header.add("title", heading);
        json.add("header", header);
        json.add("i18n_elements", bodies);
        return json;
    }

    private static String kinds(List<String> faultKinds, CardLanguage in) {
        return faultKinds.stream().map(k -> in.label("fault.", k)).collect(Collectors.joining(in.say("separator")));
    }

    private static String age(Duration age, CardLanguage in) {
        long days = age.toDays();
        return days == 1 ? in.say("age.day") : days > 0 ? in.say("age.days", days) : in.say("age.hours", age.toHours());
    }

    private static JsonObject div(JsonObject text) {
        JsonObject div = new JsonObject();
        div.addProperty("tag", "div");
        div.add("text", text);
        return div;
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
