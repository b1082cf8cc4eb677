package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.inbound.web.EventLinks;
import dev.larkinbox.inbound.web.language.Labels;
import dev.larkinbox.inbound.web.language.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A feedback as its page shows it.
 *
 * @param fields every field Lark sent, by its name's key in the bundles ({@code field.<key>}), in a stable order,
 *               shown in the reader's language and zone; empty ones show as "—"
 * @param reasons the triage's reasons, in the reader's language
 * @param images the images: Lark's URLs as Lark signed them (only the safe ones are links) and the inbox's copies
 */
public record FeedbackDetail(String feedbackId, String description, String priority, String category,
                             List<String> reasons, String status, String assignee, long version,
                             Map<String, String> fields, List<ImageLine> images) {

    /** @param copies the copies of its images */
    static FeedbackDetail of(TriagedFeedback item, EventLinks links, List<ImageCopy> copies, Reader reader) {
        Feedback f = item.feedback();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("app", f.appId());
        fields.put("type", reader.text("type." + f.type().label()));
        fields.put("fault-kinds", f.faultKinds().stream().map(k -> Labels.faultKind(k, reader))
                .collect(Collectors.joining(reader.text("list.separator"))));
        fields.put("source", f.source() == null ? null : reader.text("source." + f.source().label()));
        fields.put("tenant", f.tenantName());
        fields.put("tenant-key", item.meta().tenantKey());
        fields.put("open-id", f.user().openId());
        fields.put("union-id", f.user().unionId());
        fields.put("user-id", f.user().userId());
        fields.put("contact", f.contact());
        fields.put("path", f.path());
        fields.put("reported-at", reader.asSent(f.feedbackTime()));
        fields.put("fault-at", reader.asSent(f.faultTime()));
        fields.put("received", reader.exact(item.meta().receivedAt()));
        fields.put("came-by", reader.text("transport." + item.meta().transport().name().toLowerCase(Locale.ROOT)));
        fields.put("event-id", item.meta().eventId());
        fields.replaceAll((name, value) -> value == null || value.isBlank() ? "—" : value);
        return new FeedbackDetail(f.feedbackId(), f.description() == null ? "" : f.description(),
                item.triage().priority().name(), item.triage().category(),
                item.triage().reasons().stream().map(reader::text).toList(),
                item.status().label(), item.assignee() == null ? "" : item.assignee(), item.version(), fields,
                images(f.feedbackId(), links.of(f.images()), copies, reader));
    }

    private static List<ImageLine> images(String feedbackId, List<EventLinks.Link> lark, List<ImageCopy> copies,
                                          Reader reader) {
        return IntStream.range(0, lark.size()).mapToObj(n -> ImageLine.of(feedbackId, n, lark.get(n),
                copies.stream().filter(c -> c.position() == n).findFirst().orElse(null), reader)).toList();
    }
}
