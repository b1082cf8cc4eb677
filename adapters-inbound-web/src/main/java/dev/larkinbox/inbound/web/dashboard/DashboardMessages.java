package dev.larkinbox.inbound.web.dashboard;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** The dashboard's and the releases' words ({@code i18n/dashboard_*.properties}), in the templates and in charts. */
@Factory
class DashboardMessages {

    @Singleton
    MessageSource dashboardMessages() {
        return new ResourceBundleMessageSource("i18n.dashboard");
    }

    /** A message in the request's language, its {@code {0}}, {@code {1}}... filled in as the templates fill them. */
    @Singleton
    Words words(MessageSource messages, HttpLocaleResolver locales) {
        return (request, key, values) -> {
            var context = MessageSource.MessageContext.of(locales.resolveOrDefault(request), numbered(values));
            return messages.getMessage(key, context).map(m -> messages.interpolate(m, context)).orElse(key);
        };
    }

    private static Map<String, Object> numbered(Object... values) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(Integer.toString(i), values[i]);
        }
        return map;
    }

    /** Looks up the dashboard's words for a request. */
    @FunctionalInterface
    interface Words {
        String of(HttpRequest<?> request, String key, Object... values);
    }
}
