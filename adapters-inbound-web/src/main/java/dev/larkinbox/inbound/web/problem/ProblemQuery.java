package dev.larkinbox.inbound.web.problem;

import dev.larkinbox.inbound.web.Pages;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The problem list's filters as the URL carries them, so that a reload or a shared link shows the same list. */
public record ProblemQuery(@Nullable String app, @Nullable String status, @Nullable String priority,
                           @Nullable String spiking, @Nullable String sort) {

    /** The list with these filters, at the page the cursor names (the first page for null). */
    public String link(@Nullable String cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("app", app);
        params.put("status", status);
        params.put("priority", priority);
        params.put("spiking", spiking);
        params.put("sort", sort);
        params.put("cursor", cursor);
        return Pages.link("/problems", params);
    }
}
