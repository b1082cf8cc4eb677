package dev.larkinbox.outbound.db.image;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code feedback_image}, the entity its repository is declared over; read through views. */
@MappedEntity("feedback_image")
public record FeedbackImageRow(@Id long id, String feedbackId, int position) {
}
