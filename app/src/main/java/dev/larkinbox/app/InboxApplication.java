package dev.larkinbox.app;

/** Starts the inbox; SIGTERM (or Ctrl-C) stops it, the embedded PostgreSQL last. */
public final class InboxApplication {
    private InboxApplication() {
    }

    public static void main(String[] args) {
        RunningInbox inbox = RunningInbox.start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(inbox::close, "inbox-shutdown"));
    }
}
