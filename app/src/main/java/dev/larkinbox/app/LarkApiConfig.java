package dev.larkinbox.app;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Whether the service calls Lark's open API: only with the app's credentials. Status sync also needs
 * {@code inbox.sync-to-lark}, chat cards {@code inbox.notify.chat-id}.
 */
final class LarkApiConfig {
    private LarkApiConfig() {
    }

    /** Beans that call Lark's open API. */
    static final class CredentialsConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return context.getBean(LarkConfig.class).hasCredentials();
        }
    }

    /** Beans that send statuses to Lark. */
    static final class SyncEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return context.getBean(LarkConfig.class).hasCredentials() && context.getBean(SyncConfig.class).syncToLark();
        }
    }

    /** Beans that post chat cards. */
    static final class NotificationsEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return context.getBean(LarkConfig.class).hasCredentials()
                    && context.getBean(NotifyConfig.class).chatId() != null;
        }
    }

    /** The daily digest: cards are on and a digest time is set. */
    static final class DigestEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return new NotificationsEnabled().matches(context)
                    && context.getBean(NotifyConfig.class).digestSchedule().isPresent();
        }
    }

    /** The long connection, in {@code ws} and {@code both} modes. */
    static final class LongConnectionMode implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return context.getBean(LarkConfig.class).mode().opensLongConnection();
        }
    }
}
