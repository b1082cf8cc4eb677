package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar's command line, as README and {@code --help} give it. */
class CommandLineJarIT {
    /** Written by Maven's jar plugin from the project's version. */
    private static final Path MAVEN_VERSION = Path.of("target", "maven-archiver", "pom.properties");

    @Test
    void versionIsTheProjectsVersion() throws Exception {
        Properties maven = new Properties();
        try (Reader in = Files.newBufferedReader(MAVEN_VERSION)) {
            maven.load(in);
        }

        Run version = jar(Map.of(), "--version");

        assertEquals(0, version.status, version.out);
        assertEquals("lark-app-inbox " + maven.getProperty("version"), version.out.strip());
    }

    @Test
    void helpAnswersAndEnds() throws Exception {
        Run help = jar(Map.of(), "--help");

        assertEquals(0, help.status, help.out);
        assertTrue(help.out.startsWith("usage: java -jar lark-app-inbox.jar"), help.out);
    }

    /** One line and exit status 2, before the embedded PostgreSQL starts. */
    @Test
    void aBadSettingIsOneLineAndExitStatus2(@TempDir Path dir) throws Exception {
        Run run = jar(Map.of("INBOX_DATA_DIR", dir.resolve("data").toString(), "INBOX_NOTIFY_MIN_PRIORITY", "P5"));

        assertEquals(InboxApplication.CONFIGURATION_ERROR, run.status, run.out);
        assertEquals(1, run.out.lines().count(), run.out);
        assertTrue(run.out.strip().endsWith("not started: inbox.notify.min-priority (INBOX_NOTIFY_MIN_PRIORITY) "
                + "must be one of P1, P2, P3, P4, was 'P5'"), run.out);
        assertTrue(Files.notExists(dir.resolve("data")), "no database was started");
    }

    private record Run(int status, String out) {
    }

    private static Run jar(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", PackagedJarIT.JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
        return new Run(process.exitValue(), out);
    }
}
