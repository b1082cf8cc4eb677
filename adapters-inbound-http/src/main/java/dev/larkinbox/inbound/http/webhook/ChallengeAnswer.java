package dev.larkinbox.inbound.http.webhook;

import dev.larkinbox.domain.validation.Text;
import io.micronaut.serde.annotation.Serdeable;

/** The answer Lark expects to a {@code url_verification}: the challenge, unchanged. */
@Serdeable.Serializable
record ChallengeAnswer(String challenge) {
    ChallengeAnswer {
        Text.requireNonBlank(challenge, "challenge");
    }
}
