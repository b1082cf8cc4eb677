package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.LarkCode;
import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.inbound.web.EventLinks;
import dev.larkinbox.inbound.web.Pages;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A feedback as its page shows it.
 *
 * @param fields every field Lark sent, by the name a person reads, in a stable order; empty ones show as "—"
 * @param images the images: Lark's URLs as Lark signed them (only the safe ones are links) and the inbox's copies
 */
public record FeedbackDetail(String feedbackId, String description, String priority, String category,
                             List<String> reasons, String status, String assignee, long version,
                             Map<String, String> fields, List<ImageLine> images) {

    /** @param copies the copies of its images */
    static FeedbackDetail of(TriagedFeedback item, EventLinks links, List<ImageCopy> copies) {
        Feedback f = item.feedback();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("App", f.appId());
        fields.put("Type", f.type().label());
        fields.put("Fault kinds", f.faultKinds().stream().map(LarkCode::label).collect(Collectors.joining(", ")));
        fields.put("Source", f.source() == null ? null : f.source().label());
        fields.put("Tenant", f.tenantName());
        fields.put("Tenant key", item.meta().tenantKey());
        fields.put("User open_id", f.user().openId());
        fields.put("User union_id", f.user().unionId());
        fields.put("User user_id", f.user().userId());
        fields.put("Contact", f.contact());
        fields.put("Page path", f.path());
        fields.put("Reported at (Lark's local time)", local(f.feedbackTime()));
        fields.put("Fault at (Lark's local time)", local(f.faultTime()));
        fields.put("Received", Pages.time(item.meta().receivedAt()));
        fields.put("Came by", item.meta().transport().name().toLowerCase(java.util.Locale.ROOT));
        fields.put("Event id", item.meta().eventId());
        fields.replaceAll((name, value) -> value == null || value.isBlank() ? "—" : value);
        return new FeedbackDetail(f.feedbackId(), f.description() == null ? "" : f.description(),
                item.triage().priority().name(), item.triage().category(), item.triage().reasons(),
                item.status().label(), item.assignee() == null ? "" : item.assignee(), item.version(), fields,
                images(f.feedbackId(), links.of(f.images()), copies));
    }

    private static List<ImageLine> images(String feedbackId, List<EventLinks.Link> lark, List<ImageCopy> copies) {
        return IntStream.range(0, lark.size()).mapToObj(n -> ImageLine.of(feedbackId, n, lark.get(n),
                copies.stream().filter(c -> c.position() == n).findFirst().orElse(null))).toList();
    }

    private static String local(LocalDateTime time) {
        return time == null ? null : time.toString().replace('T', ' ');
    }
}
