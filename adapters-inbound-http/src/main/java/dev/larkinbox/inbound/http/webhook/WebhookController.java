package dev.larkinbox.inbound.http.webhook;

import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.inbound.http.error.RefusalException;
import dev.larkinbox.inbound.http.error.ErrorType;
import dev.larkinbox.inbound.lark.Intake;
import dev.larkinbox.inbound.lark.LarkEnvelope;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.lark.MalformedEventException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.body.ByteBody;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lark's webhook, for events and for card callbacks alike. It answers 200 only once the event is committed (a repeat is 200 too, storing nothing new);
 * any failure before the commit is answered so that Lark delivers again. Nothing here blocks, so it runs on the
 * Netty event loop: the body is gathered as it arrives (within the read timeout and 1 MiB once inflated), verified
 * and handed to the store, and the answer comes from the commit's future. No thread waits for a body or a commit.
 */
@Controller("/webhook")
@Requires(condition = WebhookServed.class)
public class WebhookController {
    /** Lark's events are a few KiB; anything this large is not one of them. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final LarkRequestVerifier verifier;
    private final LarkEventIntake intake;
    private final Duration readTimeout;

    WebhookController(LarkRequestVerifier verifier, LarkEventIntake intake, WebhookConfig config) {
        this.verifier = verifier;
        this.intake = intake;
        this.readTimeout = config.webhook().readTimeout();
    }

    /**
     * Lark's events and its URL verification, signed by Lark with the encrypt key instead of an API token. A
     * body announced larger than 1 MiB is refused before it is read; any other is counted as it arrives, after
     * the server inflated it (gzip, deflate), and refused at its first byte past 1 MiB, unread beyond.
     */
    @Post("/event")
    @Operation(operationId = "receiveLarkEvent")
    public CompletableFuture<HttpResponse<?>> receive(HttpRequest<?> request) {
        if (request.getContentLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        // cancelling the subscription (past the limit, or late) discards the rest of the body as it arrives
        Publisher<byte[]> chunks = ((ServerHttpRequest<?>) request).byteBody()
                .split(ByteBody.SplitBackpressureMode.FASTEST).toByteArrayPublisher();
        return Flux.from(chunks)
                .collect(ByteArrayOutputStream::new, WebhookController::append)
                .map(ByteArrayOutputStream::toByteArray)
                .timeout(readTimeout, Mono.error(() -> new RefusalException(ErrorType.BODY_TOO_SLOW,
                        "the body did not arrive within " + readTimeout.toMillis() + " ms")))
                .toFuture()
                .thenCompose(body -> accept(body, request));
    }

    private static void append(ByteArrayOutputStream body, byte[] chunk) {
        if (body.size() + chunk.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        body.writeBytes(chunk);
    }

    /** Verifies the body and hands the event to the intake: answered once it is committed. */
    private CompletableFuture<HttpResponse<?>> accept(byte[] raw, HttpRequest<?> request) {
        LarkEnvelope envelope = verifier.open(raw, request.getHeaders());
        if (envelope.isUrlVerification()) {
            if (envelope.challenge() == null || envelope.challenge().isBlank()) {
                throw new MalformedEventException("the url_verification has no challenge");
            }
            return CompletableFuture.completedFuture(HttpResponse.ok(new ChallengeAnswer(envelope.challenge())));
        }
        return intake.acceptAsync(envelope, Transport.WEBHOOK).thenApply(WebhookController::answer);
    }

    private static HttpResponse<?> answer(Intake result) {
        LOG.debug("event {} ({}) {}, {}", result.eventId(), result.eventType(), result.outcome().label(),
                result.delivery());
        if (result.answer() != null) {
            // a card click: Lark shows this answer (toast, updated card) to the person who clicked
            return HttpResponse.ok(result.answer().toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(Acknowledgement.of(result));
    }

    private static RefusalException tooLarge() {
        return new RefusalException(ErrorType.BODY_TOO_LARGE, "the body is larger than 1 MiB (1048576 bytes)");
    }
}
