package dev.larkinbox.app;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/**
 * Whether the service can call Lark's open API: only with the app's credentials ({@code lark.app-id} and
 * {@code lark.app-secret}, not blank: an environment variable set to "" counts as absent). Status sync also needs
 * {@code inbox.sync-to-lark} (default true).
 */
final class LarkApiConfig {
    static final String SYNC_PROPERTY = "inbox.sync-to-lark";

    private LarkApiConfig() {
    }

    static boolean credentials(PropertyResolver properties) {
        return configured(properties, "lark.app-id") && configured(properties, "lark.app-secret");
    }

    static boolean syncToLark(PropertyResolver properties) {
        return credentials(properties) && properties.getProperty(SYNC_PROPERTY, Boolean.class).orElse(true);
    }

    private static boolean configured(PropertyResolver properties, String name) {
        return properties.getProperty(name, String.class).filter(v -> !v.isBlank()).isPresent();
    }

    /** Beans that call Lark's open API. */
    static final class CredentialsConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return credentials(context);
        }
    }

    /** Beans that send statuses to Lark. */
    static final class SyncEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return syncToLark(context);
        }
    }
}
