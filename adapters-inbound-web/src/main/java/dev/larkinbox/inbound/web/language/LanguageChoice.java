package dev.larkinbox.inbound.web.language;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * The locale Micronaut renders a page's {@code #{...}} messages in: the {@link Reader}'s, so that the templates and
 * the texts the Java side gives them speak the same language. Replaces Micronaut's resolvers, which know nothing
 * of a person's choice.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
public class LanguageChoice implements HttpLocaleResolver {
    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(resolveOrDefault(request));
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return request.getAttribute(Reader.ATTRIBUTE, Readers.Once.class).map(r -> r.get().locale())
                .orElse(Languages.EN);
    }
}
