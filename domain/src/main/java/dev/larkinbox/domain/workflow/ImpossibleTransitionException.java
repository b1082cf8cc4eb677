package dev.larkinbox.domain.workflow;

/** The workflow does not allow the status change asked for; the message says why. */
public class ImpossibleTransitionException extends RuntimeException {
    private final transient Transition transition;

    public ImpossibleTransitionException(Transition transition) {
        super(transition.reason());
        this.transition = transition;
    }

    public Transition transition() {
        return transition;
    }
}
