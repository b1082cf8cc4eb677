package dev.larkinbox.inbound.web.language;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The web inbox's own texts: {@code i18n/messages_en.properties} and {@code i18n/messages_zh_CN.properties}. */
@Factory
public class Bundles {
    @Singleton
    MessageSource webMessages() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
