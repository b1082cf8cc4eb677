package dev.larkinbox.inbound.web.problem;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The words of a problem's likely duplicates, in English and Chinese ({@code i18n/corpus_*.properties}). */
@Factory
class LikelyDuplicatesMessages {
    @Singleton
    MessageSource corpusMessages() {
        return new ResourceBundleMessageSource("i18n.corpus");
    }
}
