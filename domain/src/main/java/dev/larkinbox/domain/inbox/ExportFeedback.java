package dev.larkinbox.domain.inbox;

import java.io.InputStream;

/** Use case: the inbox as a spreadsheet: every feedback a filter matches, in the order asked for, as CSV. */
public interface ExportFeedback {

    /**
     * The CSV ({@link FeedbackCsv}), read from the store while it is read, never held whole: a large inbox takes no
     * more memory than a few rows. Close it: that ends the store's read.
     */
    InputStream csv(FeedbackFilter filter, FeedbackOrder order);
}
