package dev.larkinbox.inbound.web.triage;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The words of the keyboard, the views, the live inbox and the phone layout, in English and Chinese. */
@Factory
class TriageMessages {
    @Singleton
    MessageSource triageMessages() {
        return new ResourceBundleMessageSource("i18n.triage");
    }
}
