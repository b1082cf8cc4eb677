package dev.larkinbox.inbound.web.dashboard;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The dashboard's and the releases' words ({@code i18n/dashboard_*.properties}). */
@Factory
class DashboardMessages {

    @Singleton
    MessageSource dashboardMessages() {
        return new ResourceBundleMessageSource("i18n.dashboard");
    }
}
