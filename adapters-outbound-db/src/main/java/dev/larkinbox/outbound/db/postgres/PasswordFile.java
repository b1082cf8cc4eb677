package dev.larkinbox.outbound.db.postgres;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A password of the embedded PostgreSQL, kept in a file of one line that only the service's user may read or
 * write (0600). The password itself never reaches a log or an exception message.
 *
 * @param password the password
 * @param created  whether this start made it: PostgreSQL does not know it yet
 */
record PasswordFile(String password, boolean created) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Override
    public String toString() {
        return "PasswordFile[created=" + created + "]";
    }

    /** The file's password, or a new random one written to it when there is no file. */
    static PasswordFile readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return new PasswordFile(read(file), false);
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        // letters, digits, - and _: nothing to quote in SQL, a shell or a .pgpass line
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path partial = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".partial",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            // a link, unlike a rename, never replaces: a start racing this one keeps the first password written
            Files.createLink(file, partial);
            return new PasswordFile(password, true);
        } catch (FileAlreadyExistsException e) {
            return new PasswordFile(read(file), false);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Refuses a file that others may read: its password would let them in. */
    private static String read(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalStateException(file + " may be read or changed by other users (mode "
                    + PosixFilePermissions.toString(permissions) + "): make it the service user's alone with "
                    + "chmod 600 " + file);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException(file + " is empty: delete it and start again to get a new password");
        }
        return password;
    }

    /** The password as an SQL string literal (standard_conforming_strings: only quotes are doubled). */
    String sqlLiteral() {
        return "'" + password.replace("'", "''") + "'";
    }
}
