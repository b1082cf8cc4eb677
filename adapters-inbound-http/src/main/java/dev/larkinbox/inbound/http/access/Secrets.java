package dev.larkinbox.inbound.http.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparisons of secrets a caller presents. */
public final class Secrets {
    private Secrets() {
    }

    /**
     * Constant-time in the content, so the time an answer takes tells nothing about how much of a guess was
     * right. A null or empty presented value never matches.
     */
    public static boolean matches(String expected, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Configuration left empty (an environment variable set to "") counts as not configured. */
    public static boolean isConfigured(String value) {
        return value != null && !value.isBlank();
    }
}
