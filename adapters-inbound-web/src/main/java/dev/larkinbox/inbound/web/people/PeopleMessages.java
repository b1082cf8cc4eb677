package dev.larkinbox.inbound.web.people;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The text of the people's pages (their tokens, their sessions, roles), in English and Chinese. */
@Factory
class PeopleMessages {
    @Singleton
    MessageSource peopleMessages() {
        return new ResourceBundleMessageSource("i18n.people");
    }
}
