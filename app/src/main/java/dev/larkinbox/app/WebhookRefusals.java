package dev.larkinbox.app;

import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.inbound.lark.IntakeListener;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Webhook requests refused before they reach the intake (unverified, too large) are counted with the rest;
 * everything else the intake tells itself.
 */
@ServerFilter(value = "/webhook/event", methods = HttpMethod.POST)
class WebhookRefusals {
    private final IntakeListener listener;

    WebhookRefusals(IntakeListener listener) {
        this.listener = listener;
    }

    @ResponseFilter
    void count(HttpResponse<?> response) {
        if (response.status() == HttpStatus.UNAUTHORIZED) {
            listener.refused(Transport.WEBHOOK, null, IntakeListener.Refusal.UNVERIFIED);
        } else if (response.status() == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            listener.refused(Transport.WEBHOOK, null, IntakeListener.Refusal.TOO_LARGE);
        }
    }
}
