package dev.larkinbox.inbound.http.webhook;

import dev.larkinbox.inbound.lark.LarkMode;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** The webhook is served unless {@code lark.mode} is {@code ws}; a mode that is no mode fails the start elsewhere. */
final class WebhookServed implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
        return context.getProperty(LarkMode.PROPERTY, LarkMode.class).orElse(LarkMode.DEFAULT).servesWebhook();
    }
}
