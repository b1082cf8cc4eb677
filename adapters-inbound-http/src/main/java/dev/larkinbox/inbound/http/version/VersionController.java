package dev.larkinbox.inbound.http.version;

import dev.larkinbox.domain.version.BrowseVersions;
import dev.larkinbox.inbound.http.ApiDocument;
import dev.larkinbox.inbound.http.api.ItemPage;
import dev.larkinbox.inbound.http.api.Query;
import dev.larkinbox.inbound.http.error.RefusalException;
import dev.larkinbox.inbound.http.error.ErrorType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.Set;

/** An app's versions and what happened to each. Blocking executor: the store is called synchronously. */
@Controller("/api/versions")
@SecurityRequirement(name = ApiDocument.API_TOKEN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class VersionController {
    private static final Set<String> PARAMETERS = Set.of("app_id");

    private final BrowseVersions versions;

    VersionController(BrowseVersions versions) {
        this.versions = versions;
    }

    /**
     * The app's versions, the one first heard of last first, each with its events in the order they happened
     * (applied, approved, rejected, revoked). One page holds them all: {@code next_cursor} is always null.
     */
    @Get
    @Operation(operationId = "listVersions")
    public ItemPage<VersionItem> list(HttpRequest<?> request,
                                      @Parameter(required = true) @QueryValue(value = "app_id", defaultValue = "")
                                      String appId) {
        // defaulted, so that a missing app_id is refused below as a problem document like every other bad query
        Query.onlyKnown(request, PARAMETERS);
        String app = Query.optional(appId);
        if (app == null) {
            throw new RefusalException(ErrorType.INVALID_QUERY, "app_id is required: the app whose versions to list");
        }
        return new ItemPage<>(versions.versions(app).stream().map(VersionItem::of).toList(), null);
    }
}
