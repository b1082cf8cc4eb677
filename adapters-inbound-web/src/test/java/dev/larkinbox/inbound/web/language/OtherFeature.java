package dev.larkinbox.inbound.web.language;

import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * A feature with a bundle of its own, registered as the web module's package-info tells other features to: its page
 * says its texts and the inbox's, in the reader's language.
 */
@Factory
class OtherFeature {
    @Singleton
    MessageSource otherfeatureMessages() {
        return new ResourceBundleMessageSource("i18n.otherfeature");
    }

    @Controller("/other-feature")
    @NeedsSession
    @Produces(MediaType.TEXT_HTML)
    static class Page {
        @Get
        ModelAndView<Map<String, Object>> show(HttpRequest<?> request) {
            return new ModelAndView<>("other-feature", Pages.model(request, "other-feature"));
        }
    }
}
