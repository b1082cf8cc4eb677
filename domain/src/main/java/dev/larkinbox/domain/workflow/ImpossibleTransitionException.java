package dev.larkinbox.domain.workflow;

/** The workflow does not allow the status change asked for; the message says why in English, the transition's reason in any language. */
public class ImpossibleTransitionException extends RuntimeException {
    private final transient Transition transition;

    public ImpossibleTransitionException(Transition transition) {
        super(transition.reason().english());
        this.transition = transition;
    }

    public Transition transition() {
        return transition;
    }
}
