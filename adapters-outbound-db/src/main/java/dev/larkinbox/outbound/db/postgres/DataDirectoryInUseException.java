package dev.larkinbox.outbound.db.postgres;

import java.nio.file.Path;

/** The embedded PostgreSQL's data directory is used by a running service: two servers on it would corrupt it. */
public final class DataDirectoryInUseException extends IllegalStateException {
    public DataDirectoryInUseException(Path dataDir) {
        super("the data directory " + dataDir + " is used by another running lark-app-inbox; stop it or set "
                + "inbox.data-dir (INBOX_DATA_DIR) to another directory");
    }
}
