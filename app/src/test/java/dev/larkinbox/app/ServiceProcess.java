package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The service in a JVM of its own, configured by its environment as an operator runs it. */
final class ServiceProcess implements AutoCloseable {
    /** The README's {@code app/jvm.options}, seen from this module. */
    private static final Path JVM_OPTIONS = Path.of("jvm.options").toAbsolutePath();

    final Process process;
    final Path log;
    final int port;
    private final Path dir;
    private final Map<String, String> env;
    private final List<String> javaArgs;
    private final int run;

    private ServiceProcess(Process process, Path log, int port, Path dir, Map<String, String> env,
                           List<String> javaArgs, int run) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.dir = dir;
        this.env = env;
        this.javaArgs = javaArgs;
        this.run = run;
    }

    /** From the test classpath, with the production logging configuration. */
    static ServiceProcess fromClasspath(Path dir, Map<String, String> env) throws InterruptedException {
        return start(dir, env, List.of("-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), InboxApplication.class.getName()));
    }

    /** The runnable jar, as the README starts it: with the JVM options of {@code app/jvm.options}. */
    static ServiceProcess fromJar(Path jar, Path dir, Map<String, String> env) throws InterruptedException {
        return start(dir, env, List.of("@" + JVM_OPTIONS, "-jar", jar.toString()));
    }

    /** The runnable jar on a port chosen before: for a setting that names the service's own address. */
    static ServiceProcess fromJar(Path jar, Path dir, Map<String, String> env, int port) throws InterruptedException {
        return start(dir, env, List.of("@" + JVM_OPTIONS, "-jar", jar.toString()), port, 1);
    }

    private static ServiceProcess start(Path dir, Map<String, String> env, List<String> javaArgs)
            throws InterruptedException {
        return start(dir, env, javaArgs, freePort(), 1);
    }

    /** The same service again, on its port and data, as a supervisor starts it after a crash. */
    ServiceProcess startAgain() throws InterruptedException {
        return start(dir, env, javaArgs, port, run + 1);
    }

    private static ServiceProcess start(Path dir, Map<String, String> env, List<String> javaArgs, int port, int run)
            throws InterruptedException {
        Path log = dir.resolve(run == 1 ? "out.log" : "out-" + run + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A test's service lives for seconds: the optimising compiler's work would not pay back before it ends, and
        // took CPU the tests' 2-core machine lacks (the jar tests 119 s to 97 s). What the service does is the same.
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("DATASOURCES_DEFAULT_URL");
        builder.environment().put("INBOX_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), log, port, dir, env, javaArgs, run);
            service.awaitHealthy();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Sends SIGTERM and asserts the process is gone within 10 s. */
    void stopWithSigterm() throws InterruptedException {
        Instant asked = Instant.now();
        process.destroy();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM");
        Duration took = Duration.between(asked, Instant.now());
        assertTrue(took.toMillis() < 10_000, "stopped in " + took);
    }

    private void awaitHealthy() {
        Awaitility.await("healthy").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class) // not listening yet
                .until(() -> {
                    assertTrue(process.isAlive(), () -> "the service exited during start; see " + log);
                    return Http.get(uri().resolve("/health")).statusCode() == 200;
                });
    }

    /** kill -9, as the kernel's OOM killer or a container runtime ends it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "still running after SIGKILL");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
