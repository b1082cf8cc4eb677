package dev.larkinbox.inbound.http.revocation;

import dev.larkinbox.inbound.http.ApiDocument;
import dev.larkinbox.domain.revocation.BrowseRevocations;
import dev.larkinbox.domain.revocation.RevocationFilter;
import dev.larkinbox.inbound.http.api.ItemPage;
import dev.larkinbox.inbound.http.api.PageQuery;
import dev.larkinbox.inbound.http.api.Query;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

/** The history of revoked publish requests, newest first. Blocking executor: the store is called synchronously. */
@Controller("/api/revocations")
@SecurityRequirement(name = ApiDocument.API_TOKEN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RevocationController {
    private final BrowseRevocations revocations;

    RevocationController(BrowseRevocations revocations) {
        this.revocations = revocations;
    }

    /** Revoked publish requests, newest first; a blank filter filters nothing. */
    @Get
    @Operation(operationId = "listRevocations")
    public ItemPage<RevocationItem> list(@Nullable @QueryValue("app_id") String appId,
                                         @Nullable @QueryValue("version_id") String versionId,
                                         @Valid @RequestBean PageQuery page) {
        var filter = new RevocationFilter(Query.optional(appId), Query.optional(versionId));
        return ItemPage.of(revocations.list(filter, page.request()), RevocationItem::of);
    }
}
