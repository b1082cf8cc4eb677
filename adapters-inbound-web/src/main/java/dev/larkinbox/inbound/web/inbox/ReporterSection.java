package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.reply.ReplyCommand;
import dev.larkinbox.domain.reply.ReplyToReporter;
import dev.larkinbox.domain.reply.ReporterFeedback;
import dev.larkinbox.domain.reply.ReporterMessage;
import dev.larkinbox.domain.reply.SentMessage;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.inbound.web.language.Reader;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The feedback page's part about its reporter: the messages written to them, the form to reply, and the other
 * feedback they filed (matched by their open_id, which this part never shows).
 */
@Singleton
public class ReporterSection {
    private final ReplyToReporter replies;
    private final ReporterFeedback others;
    private final People people;

    ReporterSection(ReplyToReporter replies, ReporterFeedback others, People people) {
        this.replies = replies;
        this.others = others;
        this.people = people;
    }

    /**
     * A message to the reporter as the page lists it.
     *
     * @param kind {@code reply} or {@code resolved}, said by the page in the reader's language
     */
    public record MessageLine(Instant at, String who, String kind, String text, String state) {
        /** @param names the names of the people among the authors, by open_id */
        static MessageLine of(SentMessage m, Map<String, String> names, Reader reader) {
            String state = switch (m.state()) {
                case PENDING -> reader.text("reporter.state.pending");
                case DELIVERED -> reader.text("reporter.state.delivered", reader.exact(m.at()));
                case NOT_DELIVERED -> reader.text("reporter.state.not-delivered", reader.text(m.reason()));
            };
            String author = m.author().name();
            return new MessageLine(m.requestedAt(), names.getOrDefault(author, author),
                    m.kind() == ReporterMessage.Kind.REPLY ? "reply" : "resolved", m.text(), state);
        }
    }

    /** A feedback of the same reporter as the page links it; its status's label. */
    public record OtherLine(String feedbackId, Instant received, String status) {
    }

    void addTo(Map<String, Object> model, TriagedFeedback item, Reader reader) {
        String id = item.feedback().feedbackId();
        model.put("canReply", item.feedback().user().openId() != null);
        model.put("replyMaxLength", ReplyCommand.MAX_TEXT_LENGTH);
        List<SentMessage> messages = replies.messages(id);
        Map<String, String> names = people.names(messages.stream().map(m -> m.author().name()).toList());
        model.put("reporterMessages", messages.stream().map(m -> MessageLine.of(m, names, reader)).toList());
        List<OtherLine> lines = others.otherFeedback(id).stream()
                .map(o -> new OtherLine(o.feedbackId(), o.receivedAt(), o.status().label())).toList();
        model.put("otherFeedback", lines);
    }

    /** @throws IllegalArgumentException for a text the command refuses (its message names the rule) */
    void reply(String feedbackId, String text, Actor actor) {
        replies.reply(new ReplyCommand(feedbackId, text == null ? null : text.strip(), actor));
    }
}
