package dev.larkinbox.inbound.http.inbox;

import dev.larkinbox.inbound.http.error.RefusalException;
import dev.larkinbox.inbound.http.error.ErrorType;
import io.micronaut.core.annotation.Nullable;

/** A feedback's version as an entity tag: {@code "3"}, strong, as {@code If-Match} compares it. */
final class ETags {
    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version {@code If-Match} names; null when the header is absent or {@code *} (any version will do).
     *
     * @throws RefusalException 412 for a tag that can be no version of ours (weak, a list, not a number): it
     *                          cannot match, and If-Match that does not match is 412
     */
    static @Nullable Long expectedVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                long version = Long.parseLong(tag.substring(1, tag.length() - 1));
                if (version >= 1) {
                    return version;
                }
            } catch (NumberFormatException e) {
                // answered below, as any other tag that is not ours
            }
        }
        throw new RefusalException(ErrorType.STALE_VERSION,
                "If-Match names no version of this feedback; send the ETag of GET /api/feedback/{feedback_id}");
    }
}
