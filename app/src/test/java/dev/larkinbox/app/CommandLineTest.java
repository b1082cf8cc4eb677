package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code java -jar lark-app-inbox.jar ...} answers without starting the service. */
class CommandLineTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void helpSaysHowToStartItAndSendAnEventAndWhereTheSettingsAre() {
        assertEquals(OptionalInt.of(0), InboxApplication.answer(List.of("--help"), out));

        String help = printed();
        assertTrue(help.startsWith("usage: java -jar lark-app-inbox.jar"), help);
        assertTrue(help.contains("send-event FILE [--url URL] [--encrypt-key KEY]"), help);
        assertTrue(help.contains("README.md, section\nConfiguration"), help);
    }

    @Test
    void versionNamesTheService() {
        assertEquals(OptionalInt.of(0), InboxApplication.answer(List.of("--version"), out));

        assertTrue(printed().startsWith("lark-app-inbox "), printed());
    }

    @Test
    void anArgumentMicronautWouldNotReadIsRefusedRatherThanIgnored() {
        assertEquals(OptionalInt.of(InboxApplication.CONFIGURATION_ERROR),
                InboxApplication.answer(List.of("start"), out));

        assertTrue(printed().startsWith("unknown argument 'start'\nusage: "), printed());
    }

    @Test
    void noArgumentsOrPropertiesStartTheService() {
        assertEquals(OptionalInt.empty(), InboxApplication.answer(List.of(), out));
        assertEquals(OptionalInt.empty(), InboxApplication.answer(List.of("--micronaut.server.port=8081",
                "-Dinbox.data-dir=/tmp/inbox"), out));
        assertEquals("", printed());
    }

    @Test
    void sendEventWithNoInboxListeningNamesTheUrlItTried(@TempDir Path dir) throws IOException {
        Path event = Files.writeString(dir.resolve("event.json"), "{\"schema\":\"2.0\"}");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/webhook/event";

        OptionalInt status = InboxApplication.answer(List.of(SendEventCommand.NAME, event.toString(), "--url", url),
                out);

        assertEquals(OptionalInt.of(1), status);
        assertEquals("not sent: nothing answers at " + url + " (is the inbox running there? --url names another)",
                printed().strip());
    }

    @Test
    void sendEventWithAFileThatIsNotThereSaysSoAndHowToUseIt(@TempDir Path dir) {
        OptionalInt status = InboxApplication.answer(List.of(SendEventCommand.NAME,
                dir.resolve("missing.json").toString()), out);

        assertEquals(OptionalInt.of(InboxApplication.CONFIGURATION_ERROR), status);
        assertTrue(printed().startsWith("not sent: NoSuchFileException: " + dir.resolve("missing.json")), printed());
    }

    /** The process itself: --help ends at once, with status 0, and listens on no port. */
    @Test
    void helpEndsTheProcessWithoutStartingTheService(@TempDir Path dir) throws Exception {
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                InboxApplication.class.getName(), "--help")
                .redirectErrorStream(true);
        java.environment().put("INBOX_DATA_DIR", dir.resolve("data").toString());
        Process process = java.start();
        String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(30, TimeUnit.SECONDS), help);
        assertEquals(0, process.exitValue(), help);
        assertTrue(help.startsWith("usage: java -jar lark-app-inbox.jar"), help);
        assertTrue(Files.notExists(dir.resolve("data")), "no database was started");
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
