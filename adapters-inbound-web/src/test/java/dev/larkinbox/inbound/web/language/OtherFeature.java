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
 * A feature with a bundle of its own in the tests' resources, which {@link Bundles#NAMES} cannot list: it registers
 * its bundle as a bean beside {@link Bundles}, and Micronaut combines the two. Its page says its texts and the
 * inbox's, in the reader's language.
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
