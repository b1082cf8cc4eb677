package dev.larkinbox.outbound.db.postgres;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded PostgreSQL: nobody without a password. The superuser {@code postgres} has the
 * password of {@code <data-dir>/pg-password}, for operators (backups); the service connects as {@code inbox}, a
 * role that owns the schema and its objects and is no superuser (no {@code COPY ... TO PROGRAM}), with the
 * password of {@code <data-dir>/pg-inbox-password}.
 *
 * <p>zonky's initdb trusts every local connection, and directories made before this class trusted them too, all
 * objects owned by {@code postgres}: such a directory is set up before its server starts, in single-user mode
 * (no connection possible meanwhile), and its pg_hba.conf written last, so that a start interrupted in between
 * sets it up again.
 */
final class ClusterAccess {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterAccess.class);
    static final String SUPERUSER = "postgres";
    static final String SERVICE_ROLE = "inbox";
    /** No trust line; IPv4 loopback only, where the server listens. */
    private static final String HBA = """
            # Written by lark-app-inbox at each start of its embedded PostgreSQL: changes here are replaced.
            # Every connection gives a password (see <data-dir>/pg-password); nothing is trusted.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            """;
    private static final String SET_UP = """
            ALTER ROLE postgres PASSWORD {superuser};

            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inbox') THEN CREATE ROLE inbox; END IF;
            END $$;

            ALTER ROLE inbox LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD {service};

            ALTER SCHEMA public OWNER TO inbox;

            REVOKE CREATE ON SCHEMA public FROM PUBLIC;

            DO $$ DECLARE o record; BEGIN
              -- indexes, row types and identity sequences go with their tables; a generated column's
              -- dependency on the other columns of its own table (objsubid > 0) is no reason to skip that table
              FOR o IN SELECT c.oid::regclass AS name, CASE c.relkind WHEN 'v' THEN 'VIEW'
                    WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE'
                    ELSE 'TABLE' END AS kind
                  FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
                  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> 'inbox'::regrole
                  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                    AND d.objid = c.oid AND d.objsubid = 0 AND d.deptype IN ('a', 'i')) LOOP
                EXECUTE format('ALTER %s %s OWNER TO inbox', o.kind, o.name);
              END LOOP;
              FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                  WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> 'inbox'::regrole
                  AND p.prokind IN ('f', 'p') LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO inbox', o.name);
              END LOOP;
              FOR o IN SELECT t.oid::regtype AS name, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END AS kind
                  FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> 'inbox'::regrole
                  AND t.typtype IN ('e', 'd', 'r', 'c')
                  AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') LOOP
                EXECUTE format('ALTER %s %s OWNER TO inbox', o.kind, o.name);
              END LOOP;
            END $$;

            """;

    private final PasswordFile superuser;
    private final PasswordFile service;
    private volatile boolean rolesSet;

    /** Reads the passwords of {@code dataDir}, making those it lacks. */
    ClusterAccess(Path dataDir) throws IOException {
        this.superuser = PasswordFile.readOrCreate(dataDir.resolve("pg-password"));
        this.service = PasswordFile.readOrCreate(dataDir.resolve("pg-inbox-password"));
        this.rolesSet = !superuser.created() && !service.created();
    }

    String superuserPassword() {
        return superuser.password();
    }

    String servicePassword() {
        return service.password();
    }

    /**
     * zonky's data directory customizer: called after initdb (of a new directory), with zonky's lock on the
     * directory held, before the server starts.
     */
    void prepare(File cluster) {
        Path dir = cluster.toPath();
        Path hba = dir.resolve("pg_hba.conf");
        try {
            if (rolesSet && HBA.equals(readOrEmpty(hba))) {
                return;
            }
            LOG.info("embedded PostgreSQL in {}: setting up password authentication and the role {}", dir,
                    SERVICE_ROLE);
            runSingleUser(dir, SET_UP.replace("{superuser}", superuser.sqlLiteral())
                    .replace("{service}", service.sqlLiteral()));
            rolesSet = true;
            Path partial = Files.createTempFile(dir, "pg_hba", ".partial",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, HBA, StandardCharsets.UTF_8);
            Files.move(partial, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL's access could not be set up in " + dir, e);
        }
    }

    private static String readOrEmpty(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    /**
     * Runs the statements in a postgres of its own on the directory, which listens nowhere. Its output is
     * reported on failure with the passwords masked, and no statement text is logged.
     */
    private void runSingleUser(Path dir, String statements) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as zonky does: postgres refuses to run as root
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(PostgresBinaries.INSTANCE.bin().resolve("postgres").toString(), "--single", "-j",
                "-D", dir.toString(), "-c", "log_min_error_statement=panic", "-c", "log_statement=none",
                // English messages: a failure is recognised by its ERROR or FATAL
                "-c", "lc_messages=C", "-c", "password_encryption=scram-sha-256", "postgres"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(statements.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("postgres --single did not end within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while postgres --single ran", e);
        }
        if (process.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IOException("postgres --single failed (exit " + process.exitValue() + "): "
                    + output.replace(superuser.password(), "***").replace(service.password(), "***"));
        }
    }
}
