package dev.larkinbox.domain.card;

import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.triage.Priority;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a feedback's chat card shows: enough to judge it at a glance, and never the contact or a user id (a chat
 * is read by more people than the inbox).
 *
 * @param description the first lines of the description, each cut short; empty when there is none
 * @param assigned    whether someone works on it
 * @param assignee    their name when the inbox knows them (they signed in); else null: an assignee may be an open_id,
 *                    which a card never shows
 * @param link        the feedback in the web inbox; null when {@code inbox.public-url} is not set
 */
public record FeedbackCard(String feedbackId, Priority priority, String category, String appId,
                           List<String> faultKinds, List<String> description, Instant receivedAt,
                           FeedbackStatus status, boolean assigned, String assignee, URI link, List<CardAction> actions) {
    public static final int DESCRIPTION_LINES = 3;
    public static final int LINE_LENGTH = 200;

    public FeedbackCard {
        Text.requireNonBlank(feedbackId, "feedbackId");
        Objects.requireNonNull(priority, "priority");
        Text.requireNonBlank(category, "category");
        faultKinds = List.copyOf(faultKinds);
        description = List.copyOf(description);
        if (description.size() > DESCRIPTION_LINES || description.stream().anyMatch(l -> l.length() > LINE_LENGTH)) {
            throw new IllegalArgumentException("a card shows at most " + DESCRIPTION_LINES + " lines of "
                    + LINE_LENGTH + " characters");
        }
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        if (assignee != null && !assigned) {
            throw new IllegalArgumentException("only an assigned feedback has an assignee");
        }
        actions = List.copyOf(actions);
    }

    /**
     * @param publicUrl where the web inbox is served, such as {@code https://inbox.example.com}; null for no link
     * @param people    whose names the card may show
     */
    public static FeedbackCard of(TriagedFeedback item, URI publicUrl, People people) {
        String feedbackId = item.feedback().feedbackId();
        return new FeedbackCard(feedbackId, item.triage().priority(), item.triage().category(),
                item.feedback().appId(), item.feedback().faultKinds().stream().map(FeedbackCard::kindName).toList(),
                firstLines(item.feedback().description()), item.meta().receivedAt(), item.status(),
                item.assignee() != null,
                item.assignee() == null ? null : people.find(item.assignee()).map(Person::name).orElse(null),
                publicUrl == null ? null : link(publicUrl, feedbackId),
                List.of(CardAction.values()));
    }

    /** Personal data (the description) stays out of logs. */
    @Override
    public String toString() {
        return "FeedbackCard[feedbackId=" + feedbackId + ", " + priority + ", " + status.label() + "]";
    }

    private static String kindName(FaultKind kind) {
        return kind.isKnown() ? kind.label() : "unknown (" + kind.code() + ")";
    }

    private static List<String> firstLines(String description) {
        if (description == null) {
            return List.of();
        }
        return Arrays.stream(description.strip().split("\\R")).map(String::strip).filter(l -> !l.isEmpty())
                .limit(DESCRIPTION_LINES)
                .map(l -> l.length() <= LINE_LENGTH ? l : l.substring(0, LINE_LENGTH - 1) + "…")
                .toList();
    }

    /** The feedback's page in the web inbox. */
    static URI link(URI publicUrl, String feedbackId) {
        return page(publicUrl, "feedback", feedbackId);
    }

    /** A page of the web inbox: {@code <public url>/<kind>/<id>}. */
    static URI page(URI publicUrl, String kind, String id) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + kind + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
