package dev.larkinbox.inbound.http.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The outer body Lark sends when the app has an encrypt key; null when the body has no such field. */
@Serdeable.Deserializable
record EncryptedBody(@Nullable String encrypt) {
}
