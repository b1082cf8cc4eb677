package dev.larkinbox.domain.workflow;

/** No feedback in the inbox has this id. */
public class FeedbackNotFoundException extends RuntimeException {
    public FeedbackNotFoundException(String feedbackId) {
        super("no feedback " + feedbackId);
    }
}
