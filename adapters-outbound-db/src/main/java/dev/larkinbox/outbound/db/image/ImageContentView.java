package dev.larkinbox.outbound.db.image;

import io.micronaut.core.annotation.Introspected;

/** A kept image's bytes and the type found. */
@Introspected
public record ImageContentView(String contentType, byte[] content) {
}
