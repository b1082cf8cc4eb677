package dev.larkinbox.app;

import dev.larkinbox.outbound.lark.image.ImageHost;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running service for every test class that can share it ({@code @ExtendWith(SharedInbox.class)}): the whole
 * service on its embedded PostgreSQL, as {@link ChatCardsEndToEndTest#config} configures it against the stand-in
 * Lark open API, its management endpoints on a port of their own. The first class that uses it starts it; it stops
 * when the test run ends. Starting the service once instead of once per class is most of the suite's time saved.
 *
 * <p>A test that shares it must not disturb the others: it works on feedback ids of its own
 * ({@link WorkTheInboxTest#uid()}), counts only what it made, and leaves Lark's stand-in up. A test that needs a
 * service of its own (a restart, two instances, a setting of its own) starts one.
 */
final class SharedInbox implements BeforeAllCallback {
    /** How often its open inbox and feedback pages look for changes: a person's 5 s made the browser tests wait. */
    static final Duration LIVE_INTERVAL = Duration.ofSeconds(1);
    private static volatile Service service;
    private static volatile OnItsDatabase onItsDatabase;

    /** What the test classes share; closed by JUnit at the end of the run. */
    private record Service(Path dir, LarkStandIn lark, ImageHost images, RunningInbox inbox, URI management)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            inbox.close();
            lark.close();
            images.close();
            delete(dir);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        service = shared(context, Service.class, SharedInbox::start);
    }

    /**
     * The second shared service, for the tests that stop its database under it (the class is extended with
     * {@code SharedInbox.OnRestartablePostgres}): webhook mode with the encrypt key and the verification token of
     * {@link WorkTheInboxTest} and no app credentials, on a PostgreSQL of its own that a test stops and starts again
     * at the same address. A test that stops it starts it again before it ends, in a {@code finally}.
     */
    static final class OnRestartablePostgres implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            onItsDatabase = shared(context, OnItsDatabase.class, SharedInbox::startOnItsDatabase);
        }
    }

    private record OnItsDatabase(Path dir, RestartablePostgres postgres, RunningInbox inbox)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            inbox.close();
            postgres.close();
            delete(dir);
        }
    }

    /**
     * The third shared service, for the tests of what a service verifying Lark's events by the verification token
     * alone does (the class is extended with {@code SharedInbox.TokenOnly}): no encrypt key, so Lark's events come
     * plain, as the fixtures hold them; status sync switched off ({@code inbox.sync-to-lark}) while the app's
     * credentials are set against a stand-in Lark, recovery put off; on an embedded PostgreSQL of its own.
     * jqwik's properties use it too ({@link #tokenOnly()}), and jqwik is an engine of its own that runs after
     * JUnit Jupiter's store is closed: so it is held here and stops when the test JVM does.
     */
    static final class TokenOnly implements BeforeAllCallback {
        private static TokenOnlyService instance;

        @Override
        public void beforeAll(ExtensionContext context) {
            tokenOnly();
        }

        private static synchronized TokenOnlyService instance() {
            if (instance == null) {
                instance = startTokenOnly();
                Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "token-only-inbox-stop"));
            }
            return instance;
        }
    }

    private record TokenOnlyService(Path dir, LarkStandIn lark, RunningInbox inbox) {
        void close() {
            inbox.close();
            lark.close();
            try {
                delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static TokenOnlyService startTokenOnly() {
        try {
            Path dir = Files.createTempDirectory("inbox-shared-token-only-");
            LarkStandIn lark = LarkStandIn.start(WorkTheInboxTest.APP, WorkTheInboxTest.SECRET, 10);
            Map<String, Object> config = InboxApi.offlineConfig(dir);
            config.putAll(Map.of("lark.verification-token", WorkTheInboxTest.TOKEN,
                    "lark.app-id", WorkTheInboxTest.APP, "lark.app-secret", WorkTheInboxTest.SECRET,
                    "lark.domain", lark.baseUrl()));
            return new TokenOnlyService(dir, lark, RunningInbox.start(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service of {@link TokenOnly}, started by the first that asks. */
    static RunningInbox tokenOnly() {
        return TokenOnly.instance().inbox();
    }

    private static <T> T shared(ExtensionContext context, Class<T> type, Supplier<T> start) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(type, key -> start.get(), type);
    }

    private static Service start() {
        try {
            Path dir = Files.createTempDirectory("inbox-shared-");
            int management;
            try (ServerSocket socket = new ServerSocket(0)) {
                management = socket.getLocalPort();
            }
            // pages of two: recovery goes through Lark's pages
            LarkStandIn lark = LarkStandIn.start(WorkTheInboxTest.APP, WorkTheInboxTest.SECRET, 2);
            ImageHost images = ImageHost.start();
            Map<String, Object> config = config(dir, lark, images);
            config.put("endpoints.all.port", management);
            return new Service(dir, lark, images, RunningInbox.start(config),
                    URI.create("http://127.0.0.1:" + management));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared service's settings in {@code dataDir}: {@link ChatCardsEndToEndTest#config}'s, and images kept from
     * the stand-in image host on loopback. A second instance beside it takes the same, on its database.
     */
    static Map<String, Object> config(Path dataDir, LarkStandIn lark, ImageHost images) {
        Map<String, Object> config = ChatCardsEndToEndTest.config(dataDir, lark);
        config.put("inbox.images.allowed-hosts", images.origin());
        config.put("inbox.images.poll-interval", "50ms");
        config.put("inbox.web.live-interval", LIVE_INTERVAL.toMillis() + "ms");
        return config;
    }

    private static OnItsDatabase startOnItsDatabase() {
        try {
            Path dir = Files.createTempDirectory("inbox-shared-external-");
            RestartablePostgres postgres = RestartablePostgres.start();
            Map<String, Object> config = new HashMap<>(postgres.datasource());
            config.putAll(Map.of("micronaut.server.port", -1, "inbox.data-dir", dir.toString(),
                    "lark.encrypt-key", WorkTheInboxTest.ENCRYPT_KEY,
                    "lark.verification-token", WorkTheInboxTest.TOKEN, "inbox.api-token", InboxApi.TOKEN,
                    // no app credentials (a blank id is none): nothing calls Lark's open API
                    "lark.app-id", " "));
            return new OnItsDatabase(dir, postgres, RunningInbox.start(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static <T> T running(T shared, Class<?> extension) {
        if (shared == null) {
            throw new IllegalStateException("the test class needs @ExtendWith(" + extension.getName() + ".class)");
        }
        return shared;
    }

    private static Service service() {
        return running(service, SharedInbox.class);
    }

    private static OnItsDatabase onItsDatabase() {
        return running(onItsDatabase, OnRestartablePostgres.class);
    }

    static RunningInbox inbox() {
        return service().inbox();
    }

    /** Where /health and /prometheus are served. */
    static URI management() {
        return service().management();
    }

    static LarkStandIn lark() {
        return service().lark();
    }

    /** The image host the service may keep images from. */
    static ImageHost images() {
        return service().images();
    }

    /** The service's inbox.data-dir. */
    static Path dataDir() {
        return service().dir();
    }

    /** The service of {@link OnRestartablePostgres}. */
    static RunningInbox onRestartablePostgres() {
        return onItsDatabase().inbox();
    }

    /** The database of {@link OnRestartablePostgres}, to stop and start again. */
    static RestartablePostgres restartablePostgres() {
        return onItsDatabase().postgres();
    }

    /** The inbox.data-dir of {@link OnRestartablePostgres}. */
    static Path onRestartablePostgresDataDir() {
        return onItsDatabase().dir();
    }
}
