package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.paging.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where a page of a feedback's history ended: the version of its last entry, naming the feedback. */
final class HistoryCursor {
    private static final String PREFIX = "history:";

    private HistoryCursor() {
    }

    static String of(String feedbackId, long version) {
        String plain = PREFIX + version + ":" + feedbackId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the version after which the page starts; 0 for the first page */
    static long versionAfter(String cursor, String feedbackId) {
        if (cursor == null) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            if (parts.length == 3 && (parts[0] + ":").equals(PREFIX) && parts[2].equals(feedbackId)) {
                return Long.parseLong(parts[1]);
            }
        } catch (IllegalArgumentException e) {
            // not base64, or not a number: not one of ours either
        }
        throw new InvalidCursorException("not a cursor of this feedback's history");
    }
}
