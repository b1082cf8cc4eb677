package dev.larkinbox.inbound.ws.gateway;

import java.time.Instant;

/** One call of {@code POST /callback/ws/endpoint}. The secret itself is not kept, only whether it matched. */
public record EndpointCall(Instant at, String locale, String appId, boolean credentialsValid) {
}
