package dev.larkinbox.domain.workflow;

/**
 * Use case: one change (a status, an assignee, a priority) made to many feedback at once, the ones a person ticked or
 * all that a filter matches, each through the workflow as if changed alone: its own history entry, its status sent to
 * Lark. Feedback the change does not apply to is left as it is and reported with the reason.
 */
public interface WorkInBulk {

    /** What {@link #apply} would do now, writing nothing: for the confirmation a person reads first. */
    BulkOutcome preview(BulkChangeCommand command);

    /**
     * Makes the change. A filter's feedback are read a batch at a time, so that any number can be changed in
     * bounded memory.
     */
    BulkOutcome apply(BulkChangeCommand command);
}
