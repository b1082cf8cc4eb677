package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.inbox.BrowseFeedback;
import dev.larkinbox.domain.view.KeepViews;
import dev.larkinbox.domain.view.SavedView;
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
    public record ViewLine(String name, boolean saved, String link, long count, boolean current) {
    }

    /** The open feedback assigned to the person. */
    static InboxQuery assignedTo(Me me) {
        return new InboxQuery("open", null, null, me.openId(), null, null, null);
    }

    /** Open P1 and P2 feedback nobody took yet, most urgent first. */
    static final InboxQuery UNASSIGNED_URGENT =
            new InboxQuery("open", "P1,P2", null, InboxQuery.NOBODY, null, null, "priority");

    void addTo(Map<String, Object> model, HttpRequest<?> request, InboxQuery shown) {
        Me me = Me.of(request);
        Reader reader = Reader.of(request);
        List<ViewLine> lines = new ArrayList<>();
        lines.add(line("triage.view.mine", false, assignedTo(me), shown, reader));
        lines.add(line("triage.view.urgent", false, UNASSIGNED_URGENT, shown, reader));
        for (SavedView view : views.views(me.openId())) {
            lines.add(line(view.name(), true, InboxQuery.parse(view.filter()), shown, reader));
        }
        model.put("views", lines);
        model.put("viewFilter", shown.filter());
    }

    private ViewLine line(String name, boolean saved, InboxQuery view, InboxQuery shown, Reader reader) {
        long count = feedback.count(InboxPage.filter(view, new ArrayList<>(), reader));
        return new ViewLine(name, saved, view.link(null), count, view.filter().equals(shown.filter()));
    }
}
