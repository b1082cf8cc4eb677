package dev.larkinbox.domain.card;

import java.time.LocalDate;
import java.util.Optional;

/** Use case: post the day's digest to the chat when it is due and not posted yet. */
public interface SendDigest {

    /** @return the day whose digest was posted; empty when none was due */
    Optional<LocalDate> sendIfDue();
}
