package dev.larkinbox.inbound.http.webhook;

import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.inbound.http.problem.ProblemException;
import dev.larkinbox.inbound.http.problem.ProblemType;
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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lark's webhook, for events and for card callbacks alike. It answers 200 only once the event is committed (a repeat is 200 too, storing nothing new);
 * any failure before the commit is answered so that Lark delivers again. Nothing here blocks, so it runs on the
 * Netty event loop: the body is gathered as it arrives (within the read timeout and 1 MiB), verified and handed
 * to the store, and the answer comes from the commit's future. No thread waits for a body or a commit.
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
     * body announced larger than 1 MiB is refused before it is read.
     */
    @Post("/event")
    @Operation(operationId = "receiveLarkEvent")
    public CompletableFuture<HttpResponse<?>> receive(HttpRequest<?> request) {
        if (request.getContentLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        CompletableFuture<byte[]> raw = ((ServerHttpRequest<?>) request).byteBody()
                .split(ByteBody.SplitBackpressureMode.FASTEST).buffer().thenApply(whole -> {
                    try (whole) {
                        if (whole.length() > MAX_BODY_BYTES) {
                            throw tooLarge();
                        }
                        return whole.toByteArray();
                    }
                });
        // the deadline is on a copy: should it pass, the body still arriving is released once complete
        return raw.copy().orTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(failure instanceof TimeoutException
                        ? new ProblemException(ProblemType.BODY_TOO_SLOW,
                        "the body did not arrive within " + readTimeout.toMillis() + " ms") : failure))
                .thenCompose(body -> accept(body, request));
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

    private static ProblemException tooLarge() {
        return new ProblemException(ProblemType.BODY_TOO_LARGE, "the body is larger than 1 MiB (1048576 bytes)");
    }
}
