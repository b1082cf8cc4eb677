package dev.larkinbox.domain.reply;

/** The feedback names no reporter the app's bot could write to (Lark sent no open_id): nothing was sent. */
public class NoReporterException extends RuntimeException {
    public NoReporterException(String feedbackId) {
        super("feedback " + feedbackId + " names no reporter open_id to write to");
    }
}
