package dev.larkinbox.domain.problem;

/** No problem has this id. */
public class ProblemNotFoundException extends RuntimeException {
    public ProblemNotFoundException(String problemId) {
        super("no problem " + problemId);
    }
}
