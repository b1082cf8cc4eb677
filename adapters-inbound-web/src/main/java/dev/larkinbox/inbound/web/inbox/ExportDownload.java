package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.inbox.ExportFeedback;
import dev.larkinbox.domain.inbox.FeedbackCsv;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbox's Download link: the feedback its filter matches, in its order, as the API's CSV export writes them,
 * streamed from the database as it is sent.
 */
@Controller
@NeedsSession
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExportDownload {
    static final String PATH = "/feedback.csv";

    private final ExportFeedback export;

    ExportDownload(ExportFeedback export) {
        this.export = export;
    }

    /** A filter that cannot be one is refused rather than ignored: the file would hold what nobody asked for. */
    @Get(value = PATH, produces = {"text/csv", MediaType.TEXT_PLAIN})
    public HttpResponse<?> download(HttpRequest<?> request, @Nullable @QueryValue String status, @Nullable @QueryValue String priority,
                                    @Nullable @QueryValue String type, @Nullable @QueryValue String assignee,
                                    @Nullable @QueryValue String app, @Nullable @QueryValue String q,
                                    @Nullable @QueryValue String sort) {
        var query = new InboxQuery(Pages.given(status), Pages.given(priority), Pages.given(type),
                Pages.given(assignee), Pages.given(app), Pages.given(q), Pages.given(sort));
        List<String> errors = new ArrayList<>();
        FeedbackFilter filter = InboxPage.filter(query, errors, Reader.of(request));
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(String.join(" ", errors)).contentType(MediaType.TEXT_PLAIN_TYPE);
        }
        return HttpResponse.ok(new StreamedFile(export.csv(filter, InboxPage.order(query)),
                MediaType.of(FeedbackCsv.MEDIA_TYPE)).attach("feedback.csv"));
    }
}
