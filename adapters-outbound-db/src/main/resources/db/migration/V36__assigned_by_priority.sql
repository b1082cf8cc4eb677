-- The inbox filtered by an assignee, P1 first (FeedbackRepository.listByPriority): feedback_by_assignee (V22) gives
-- their feedback newest first only, so a page by priority read and sorted all of an assignee's feedback. As V22's,
-- only the assigned are indexed: storing a feedback (never assigned yet) writes nothing into it.
CREATE INDEX feedback_by_assignee_priority ON feedback (assignee, priority, received_at DESC, event_id DESC)
    WHERE assignee IS NOT NULL;
