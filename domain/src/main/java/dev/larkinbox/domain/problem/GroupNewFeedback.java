package dev.larkinbox.domain.problem;

/** Use case: put every feedback that belongs to no problem yet into one, and assess the problems it joined. */
public interface GroupNewFeedback {
    /** @throws dev.larkinbox.domain.event.StorageUnavailableException nothing grouped: the next round tries again */
    GroupingReport group(GroupNewFeedbackCommand command);
}
