package dev.larkinbox.inbound.web.triage;

import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.WebConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * How often the pages that carry the keyboard's triage look for news ({@code inbox.web.live-interval}): the inbox
 * for feedback that arrived or changed, a feedback's page for a change someone else saved.
 */
@Singleton
class LiveInterval implements ViewModelProcessor<Map<String, Object>> {
    private static final Set<String> LIVE = Set.of("inbox", "feedback");
    private final long millis;

    LiveInterval(WebConfig config) {
        this.millis = config.liveInterval().toMillis();
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> page) {
        if (page.getView().filter(LIVE::contains).isPresent()) {
            Pages.addTo(page, "livePollMs", millis);
        }
    }
}
