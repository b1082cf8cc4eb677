package dev.larkinbox.inbound.web;

import dev.larkinbox.domain.paging.InvalidCursorException;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.inbound.web.access.Session;
import dev.larkinbox.inbound.web.access.SignedIn;
import dev.larkinbox.inbound.web.language.Reader;
import dev.larkinbox.inbound.web.triage.Me;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every signed-in page shows: who is signed in, the navigation, the form token, the language switch, and the
 * {@link Reader} its texts and times are shown for.
 */
public final class Pages {

    private Pages() {
    }

    /** @param current the page the navigation marks as the current one */
    public static Map<String, Object> model(HttpRequest<?> request, String current) {
        Session session = SignedIn.of(request);
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", session.csrfToken());
        model.put("actor", session.person().name());
        model.put("mayWork", session.person().role().mayWork());
        model.put("mayAdminister", session.person().role().mayAdminister());
        model.put("current", current);
        model.put("me", Me.of(request).openId());
        model.putAll(shared(request));
        return model;
    }

    /**
     * What every page, the sign-in page too, needs for its texts, its times and its language switch: the reader,
     * and where the switch brings the person back to.
     */
    public static Map<String, Object> shared(HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        return Map.of("reader", Reader.of(request),
                "here", request.getPath() + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /**
     * Adds one value to a page's model, for a {@code ViewModelProcessor}: on a copy, as the controller's model may
     * be one that cannot change.
     */
    public static void addTo(ModelAndView<Map<String, Object>> page, String key, Object value) {
        Map<String, Object> model = new HashMap<>(page.getModel().orElse(Map.of()));
        model.put(key, value);
        page.setModel(model);
    }

    /**
     * 404 with a page saying so, for a link to something that is not (or no longer) there.
     *
     * @param missing what the link named, such as "feedback" or "problem"
     */
    public static HttpResponse<?> notFound(HttpRequest<?> request, String current, String missing) {
        Map<String, Object> model = model(request, current);
        model.put("missing", missing);
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("not-found", model));
    }

    /** A query parameter left empty filters nothing. */
    public static @Nullable String given(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The page of a list the cursor names; the first page, with the reason among the errors, when the cursor is
     * not one of this list (an old or hand-made link).
     *
     * @param ofKey the bundles' key of what the list is, as in "That page link is not one of this inbox"
     */
    public static <T> Page<T> page(Function<PageRequest, Page<T>> list, int size, @Nullable String cursor,
                                   String ofKey, List<String> errors, Reader reader) {
        try {
            return list.apply(new PageRequest(size, given(cursor)));
        } catch (InvalidCursorException e) {
            errors.add(reader.text("error.page-link", reader.text(ofKey)));
            return list.apply(PageRequest.first(size));
        }
    }

    /**
     * A link to a page with these query parameters, in their order; a null value is left out, so a link carries
     * only the filters a person set.
     */
    public static String link(String path, Map<String, String> params) {
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }
}
