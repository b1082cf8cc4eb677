package dev.larkinbox.inbound.web.access;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The words of signing in with Lark, in English and Chinese: {@code i18n/lark*.properties}. */
@Factory
class LarkSignInMessages {
    @Singleton
    MessageSource larkMessages() {
        return new ResourceBundleMessageSource("i18n.lark");
    }
}
