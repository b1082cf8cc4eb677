package dev.larkinbox.inbound.web.revocation;

import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.revocation.BrowseRevocations;
import dev.larkinbox.domain.revocation.RecordedRevocation;
import dev.larkinbox.domain.revocation.RevocationFilter;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The history of revoked publish requests, newest first, filtered by app and version. */
@Controller("/revocations")
@NeedsSession
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RevocationsPage {
    private static final int PAGE_SIZE = 50;

    private final BrowseRevocations revocations;

    RevocationsPage(BrowseRevocations revocations) {
        this.revocations = revocations;
    }

    /** One revocation as a row: version, app, operator, when. */
    public record Line(String versionId, String appId, String operator, Instant revokedAt, Instant received) {
        static Line of(RecordedRevocation r) {
            return new Line(r.revocation().versionId(), r.revocation().appId(), who(r.revocation().operator()),
                    r.revocation().revokedAt(), r.meta().receivedAt());
        }

        private static String who(UserRef user) {
            for (String id : new String[] {user.userId(), user.openId(), user.unionId()}) {
                if (id != null) {
                    return id;
                }
            }
            return "—";
        }
    }

    @Get
    public ModelAndView<Map<String, Object>> list(HttpRequest<?> request, @Nullable @QueryValue String app,
                                                  @Nullable @QueryValue String version,
                                                  @Nullable @QueryValue String cursor) {
        String appId = Pages.given(app);
        String versionId = Pages.given(version);
        var filter = new RevocationFilter(appId, versionId);
        List<String> errors = new ArrayList<>();
        Page<RecordedRevocation> page = Pages.page(at -> revocations.list(filter, at), PAGE_SIZE,
                cursor, "revocations.this", errors, Reader.of(request));
        Map<String, Object> model = Pages.model(request, "revocations");
        model.put("app", appId == null ? "" : appId);
        model.put("version", versionId == null ? "" : versionId);
        model.put("rows", page.items().stream().map(Line::of).toList());
        model.put("errors", errors);
        model.put("nextPage", page.nextCursor() == null ? null : link(appId, versionId, page.nextCursor()));
        model.put("firstPage", cursor == null ? null : link(appId, versionId, null));
        return new ModelAndView<>("revocations", model);
    }

    private static String link(@Nullable String app, @Nullable String version, @Nullable String cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("app", app);
        params.put("version", version);
        params.put("cursor", cursor);
        return Pages.link("/revocations", params);
    }
}
