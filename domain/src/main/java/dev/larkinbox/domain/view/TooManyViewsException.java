package dev.larkinbox.domain.view;

/** A person who has {@link SaveViewCommand#MAX_VIEWS} views saves another under a new name. */
public class TooManyViewsException extends RuntimeException {
    public TooManyViewsException() {
        super("at most " + SaveViewCommand.MAX_VIEWS + " views a person");
    }
}
