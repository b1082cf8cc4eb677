package dev.larkinbox.inbound.http.access;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of the API and the web inbox's sign-in: {@code inbox.api-token}, or, when that is not configured,
 * a random token made at start and written to {@value #FILE} in {@code inbox.data-dir}, readable by the service's
 * user alone. Never logged: a log is read by more people, and kept longer, than the token should be. Created with
 * the context (not on first request) so that the file is there once the service has started.
 */
@Context
public class ApiToken {
    public static final String FILE = "api-token";
    private static final String SCHEME = "Bearer ";
    private static final Logger LOG = LoggerFactory.getLogger(ApiToken.class);
    private static final int GENERATED_BYTES = 32;
    /** Enough to tell two tokens apart in a conversation, far too little to guess the rest. */
    private static final int SHOWN_CHARACTERS = 4;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final String token;

    ApiToken(ApiConfig config, @Value("${inbox.data-dir:./data}") String dataDir) {
        String configured = config.apiToken();
        if (Secrets.isConfigured(configured)) {
            token = configured;
        } else {
            byte[] random = new byte[GENERATED_BYTES];
            new SecureRandom().nextBytes(random);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path file = write(Path.of(dataDir), token);
            LOG.warn("inbox.api-token (INBOX_API_TOKEN) is not set, so /api/** and the web inbox take a token made at "
                    + "this start, a new one at every start: it is in {} (readable by this user only), beginning {}",
                    file, token.substring(0, SHOWN_CHARACTERS));
        }
    }

    public boolean matches(String presented) {
        return Secrets.matches(token, presented);
    }

    /** @param authorization an {@code Authorization} header: {@code Bearer <token>} with this token, or not */
    public boolean authorizes(@Nullable String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && matches(authorization.substring(SCHEME.length()).trim());
    }

    /** Replaces the file an earlier start left rather than writing into it: it might have been made readable. */
    private static Path write(Path dataDir, String token) {
        Path file = dataDir.resolve(FILE).toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, token + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("inbox.api-token (INBOX_API_TOKEN) is not set and the token made instead "
                    + "cannot be written to " + file + ": set it, or let the service write to inbox.data-dir", e);
        }
    }
}
