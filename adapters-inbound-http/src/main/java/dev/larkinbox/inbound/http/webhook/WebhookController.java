package dev.larkinbox.inbound.http.webhook;

import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.inbound.http.problem.ProblemException;
import dev.larkinbox.inbound.http.problem.ProblemType;
import dev.larkinbox.inbound.lark.Intake;
import dev.larkinbox.inbound.lark.LarkEnvelope;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.lark.MalformedEventException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lark's webhook, for events and for card callbacks alike. It answers 200 only once the event is committed (a repeat is 200 too, storing nothing new);
 * any failure before the commit is answered so that Lark delivers again. The body is read as a stream on the
 * blocking executor, as it may not hold a Netty event loop; the answer then comes from the commit's future, so
 * that no thread waits for the commit.
 */
@Controller("/webhook")
@Requires(condition = WebhookServed.class)
@ExecuteOn(TaskExecutors.BLOCKING)
public class WebhookController {
    /** Lark's events are a few KiB; anything this large is not one of them. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int CHUNK_BYTES = 16 * 1024;

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
     * Lark's events and its URL verification, signed by Lark with the encrypt key instead of an API token. The
     * body is taken as a stream so that an oversized one is refused before it is read whole.
     */
    @Post("/event")
    @Operation(operationId = "receiveLarkEvent")
    public CompletableFuture<HttpResponse<?>> receive(HttpRequest<?> request, @Nullable @Body InputStream body)
            throws IOException {
        byte[] raw = readAtMost(request.getContentLength(), body, System.nanoTime() + readTimeout.toNanos());
        LarkEnvelope envelope = verifier.open(raw, request.getHeaders());
        if (envelope.isUrlVerification()) {
            if (envelope.challenge() == null || envelope.challenge().isBlank()) {
                throw new MalformedEventException("the url_verification has no challenge");
            }
            return CompletableFuture.completedFuture(HttpResponse.ok(new ChallengeAnswer(envelope.challenge())));
        }
        return intake.acceptLater(envelope, Transport.WEBHOOK).thenApply(WebhookController::answer);
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

    private byte[] readAtMost(long contentLength, @Nullable InputStream body, long deadline) throws IOException {
        // closed on every path: the server needs the stream back, read or not, to go on with the connection
        try (InputStream in = body == null ? InputStream.nullInputStream() : body) {
            if (contentLength > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            // one byte more than allowed tells a chunked body that is too large from one that just fits
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            byte[] chunk = new byte[CHUNK_BYTES];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                raw.write(chunk, 0, n);
                if (raw.size() > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new ProblemException(ProblemType.BODY_TOO_SLOW,
                            "the body did not arrive within " + readTimeout.toMillis() + " ms");
                }
            }
            return raw.toByteArray();
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(ProblemType.BODY_TOO_LARGE, "the body is larger than 1 MiB (1048576 bytes)");
    }
}
