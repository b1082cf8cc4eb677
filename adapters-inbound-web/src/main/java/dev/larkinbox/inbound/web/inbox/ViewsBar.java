package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.inbox.BrowseFeedback;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.MatchCount;
import dev.larkinbox.domain.view.KeepViews;
import dev.larkinbox.inbound.web.language.Reader;
import dev.larkinbox.inbound.web.triage.Me;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The views beside the inbox, each with how many feedback it shows: the two every person has ("Assigned to me",
 * "Unassigned P1/P2", both open feedback only) and the ones they saved.
 */
@Singleton
public class ViewsBar {
    private final BrowseFeedback feedback;
    private final KeepViews views;

    ViewsBar(BrowseFeedback feedback, KeepViews views) {
        this.feedback = feedback;
        this.views = views;
    }

    /**
     * A view as the bar shows it.
     *
     * @param name    a saved view's name, or the message key of one every person has
     * @param saved   whether the person saved it (and may delete it)
     * @param current whether the inbox shows it now
     */
    public record ViewLine(String name, boolean saved, String link, MatchCount count, boolean current) {
    }

    private record View(String name, boolean saved, InboxQuery query) {
    }

    /** The open feedback assigned to the person. */
    static InboxQuery assignedTo(Me me) {
        return new InboxQuery("open", null, null, me.openId(), null, null, null);
    }

    /** Open P1 and P2 feedback nobody took yet, most urgent first. */
    static final InboxQuery UNASSIGNED_URGENT =
            new InboxQuery("open", "P1,P2", null, InboxQuery.NOBODY, null, null, "priority");

    /**
     * The views, with their counts and the count of the filter shown ({@code matching}), read in one statement: the
     * live inbox renders this every few seconds. A count past {@link MatchCount#CAP} may show as "1,000+".
     */
    void addTo(Map<String, Object> model, HttpRequest<?> request, InboxQuery shown, FeedbackFilter shownFilter) {
        Me me = Me.of(request);
        Reader reader = Reader.of(request);
        List<View> all = new ArrayList<>();
        all.add(new View("triage.view.mine", false, assignedTo(me)));
        all.add(new View("triage.view.urgent", false, UNASSIGNED_URGENT));
        views.views(me.openId()).forEach(v -> all.add(new View(v.name(), true, InboxQuery.parse(v.filter()))));
        List<FeedbackFilter> filters = new ArrayList<>(List.of(shownFilter));
        all.forEach(v -> filters.add(InboxPage.filter(v.query(), new ArrayList<>(), reader)));
        List<MatchCount> counts = feedback.counts(filters);
        List<ViewLine> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            View v = all.get(i);
            lines.add(new ViewLine(v.name(), v.saved(), v.query().link(null), counts.get(i + 1),
                    v.query().filter().equals(shown.filter())));
        }
        model.put("matching", counts.get(0));
        model.put("views", lines);
        model.put("viewFilter", shown.filter());
    }
}
