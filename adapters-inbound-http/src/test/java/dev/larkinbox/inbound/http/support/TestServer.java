package dev.larkinbox.inbound.http.support;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.sync.PendingSync;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

/**
 * The module's controllers on a real HTTP server on a random port, over the in-memory store, with a plain JDK
 * HTTP client so that tests send exactly the bytes and headers they mean to. Every call has a time limit.
 * Registered as a JUnit extension ({@code @RegisterExtension static final TestServer server = ...}) it stops
 * after the test class.
 */
public final class TestServer implements AutoCloseable, AfterAllCallback {
    public static final String ENCRYPT_KEY = "test-encrypt-key-4f0b7c2d9e";
    public static final String API_TOKEN = "test-api-token-8a1e5f3c6b";
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final EmbeddedServer server;
    private final HttpClient client;

    private TestServer(EmbeddedServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Encrypt key, the fixtures' verification token and an API token: the configuration Lark apps are run with. */
    public static TestServer secured() {
        return start(Map.of("lark.encrypt-key", ENCRYPT_KEY, "lark.verification-token", LarkEvents.FIXTURE_TOKEN,
                "inbox.api-token", API_TOKEN));
    }

    public static TestServer start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        all.putIfAbsent("inbox.data-dir", "target/test-data"); // where a generated API token is written
        return new TestServer(ApplicationContext.run(EmbeddedServer.class, all, "test"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Where the server listens, for tests that write the bytes of a request themselves. */
    public URI uri() {
        return URI.create(server.getURL().toString());
    }

    public InMemoryStore store() {
        return bean(InMemoryStore.class);
    }

    /**
     * The statuses waiting in the outbox for Lark for this feedback, in order, taken as sent (nothing drains it in
     * these tests); those of other feedback are left waiting.
     */
    public List<LarkFeedbackStatus> pendingForLark(String feedbackId) {
        var store = store();
        List<LarkFeedbackStatus> statuses = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        Instant now = Instant.now();
        Instant far = now.plusSeconds(3600);
        // the others are leased beyond the last claim here, so that the loop ends, and released after it
        for (List<PendingSync> batch = store.claimDue(far, far.plusSeconds(3600), 100); !batch.isEmpty();
             batch = store.claimDue(far, far.plusSeconds(3600), 100)) {
            for (PendingSync p : batch) {
                if (p.sync().feedbackId().equals(feedbackId)) {
                    statuses.add(p.sync().status());
                    store.delivered(p.id(), far);
                } else {
                    others.add(p.id());
                }
            }
        }
        others.forEach(id -> store.release(id, now));
        return statuses;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    public Reply webhook(LarkWire.Request request) {
        return send(builder("/webhook/event", request.headers())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build());
    }

    public CompletableFuture<Reply> webhookAsync(LarkWire.Request request) {
        return client.sendAsync(builder("/webhook/event", request.headers())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(Reply::of);
    }

    /** A read API request with the configured API token. */
    public Reply get(String pathAndQuery) {
        return get(pathAndQuery, "Bearer " + API_TOKEN);
    }

    /** @param authorization the Authorization header, or null for none */
    public Reply get(String pathAndQuery, String authorization) {
        return send(builder(pathAndQuery, authorization == null ? Map.of() : Map.of("Authorization", authorization))
                .GET().build());
    }

    /** A PATCH of the API with a JSON body, plus these headers; with the configured API token unless they name one. */
    public Reply patch(String path, String json, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.putIfAbsent("Authorization", "Bearer " + API_TOKEN);
        all.putIfAbsent("Content-Type", "application/json");
        return send(builder(path, all).method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A POST of the API with the configured API token and no body. */
    public Reply post(String pathAndQuery) {
        return send(builder(pathAndQuery, Map.of("Authorization", "Bearer " + API_TOKEN))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A POST of the API with the configured API token and a JSON body. */
    public Reply post(String path, String json) {
        return send(builder(path, Map.of("Authorization", "Bearer " + API_TOKEN, "Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply send(HttpRequest request) {
        try {
            return Reply.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURL() + pathAndQuery)).timeout(TIMEOUT);
        headers.forEach(builder::header);
        return builder;
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }

    /** An answer, its body read as JSON where that is wanted. */
    public record Reply(int status, HttpHeaders headers, String body) {
        static Reply of(HttpResponse<String> response) {
            return new Reply(response.statusCode(), response.headers(), response.body());
        }

        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public List<JsonObject> items() {
            return StreamSupport.stream(json().getAsJsonArray("items").spliterator(), false)
                    .map(JsonElement::getAsJsonObject).toList();
        }

        /** next_cursor, or null when the answer says null. */
        public String nextCursor() {
            JsonElement cursor = json().get("next_cursor");
            return cursor.isJsonNull() ? null : cursor.getAsString();
        }
    }
}
