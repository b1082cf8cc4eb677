package dev.larkinbox.inbound.web.inbox;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The words of bulk changes and the export, in each language of the inbox. */
@Factory
class WorkMessages {
    @Singleton
    MessageSource workMessages() {
        return new ResourceBundleMessageSource("i18n.work");
    }
}
