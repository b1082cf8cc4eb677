package dev.larkinbox.inbound.lark;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.card.CardActionResult;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UnstorableEventException;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.inbox.TriageFeedbackCommand;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.ledger.RecordConflictCommand;
import dev.larkinbox.domain.ledger.RecordUnhandledEventCommand;
import dev.larkinbox.domain.revocation.RecordRevocationCommand;
import dev.larkinbox.domain.version.RecordVersionStepCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Where every verified Lark event enters the domain, whichever transport brought it. It answers (returns, or
 * completes its future) only after the event is committed, so the caller may acknowledge it; a storage failure
 * propagates, so the caller must not. Its futures complete on the thread that committed: what it does after a
 * commit that reads or writes the store again runs on the executor it was given.
 */
public final class LarkEventIntake {
    public static final String APP_VERSION_PUBLISH_REVOKE = "application.application.app_version.publish_revoke_v6";
    public static final String APP_VERSION_PUBLISH_APPLY = "application.application.app_version.publish_apply_v6";
    public static final String APP_VERSION_AUDIT = "application.application.app_version.audit_v6";
    public static final String FEEDBACK_CREATED = "application.application.feedback.created_v6";
    /** A status set in Lark's developer console. */
    public static final String FEEDBACK_UPDATED = "application.application.feedback.updated_v6";
    /** A button clicked on a card (schema 2.0 callback). */
    public static final String CARD_ACTION_TRIGGER = "card.action.trigger";

    private final IntakeUseCases useCases;
    private final CardRendering rendering;
    private final Clock clock;
    private final IntakeListener listener;
    private final Executor blocking;

    /**
     * @param rendering the cards as the clicking person sees them in the answer
     * @param listener  told what became of each event ({@link IntakeListener#NONE} to tell no one)
     * @param blocking  runs what waits for the store: the use cases that answer only once committed (version
     *                  steps, statuses set in Lark, card clicks) and what follows a commit and reads the store
     *                  again (a status awaited by the feedback, a duplicate's check for a reused id), so that
     *                  neither the caller's thread (a Netty event loop) nor the committing thread waits;
     *                  {@code Runnable::run} for callers that may wait (tests, a worker)
     */
    public LarkEventIntake(IntakeUseCases useCases, CardRendering rendering, Clock clock, IntakeListener listener,
                           Executor blocking) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.rendering = Objects.requireNonNull(rendering, "rendering");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /**
     * @param json plain (decrypted) schema 2.0 event JSON
     * @throws MalformedEventException not JSON, or no {@code header.event_id} / {@code header.event_type}
     * @throws dev.larkinbox.domain.event.StorageUnavailableException nothing could be committed
     */
    public Intake accept(String json, Transport transport) {
        return joined(acceptAsync(json, transport));
    }

    /** As {@link #accept(String, Transport)}, for a payload already parsed (to check its token first). */
    public Intake accept(LarkEnvelope envelope, Transport transport) {
        return joined(acceptAsync(envelope, transport));
    }

    private static Intake joined(CompletableFuture<Intake> taken) {
        try {
            return taken.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** As {@link #accept(String, Transport)}, without a thread waiting for the commit. */
    public CompletableFuture<Intake> acceptAsync(String json, Transport transport) {
        LarkEnvelope envelope;
        try {
            envelope = LarkEnvelope.parse(json);
        } catch (MalformedEventException e) {
            listener.refused(transport, null, IntakeListener.Refusal.UNREADABLE);
            return CompletableFuture.failedFuture(e);
        }
        return acceptAsync(envelope, transport);
    }

    /**
     * As {@link #accept(LarkEnvelope, Transport)}, without a thread waiting for the commit: the future completes
     * once the event is committed, or fails with what {@code accept} throws.
     */
    public CompletableFuture<Intake> acceptAsync(LarkEnvelope envelope, Transport transport) {
        CompletableFuture<Intake> stored;
        try {
            stored = translateAndStore(envelope, transport);
        } catch (RuntimeException | Error e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.whenComplete((intake, failure) -> {
            Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
            if (cause == null) {
                listener.taken(transport, intake);
            } else if (cause instanceof MalformedEventException) {
                listener.refused(transport, null, IntakeListener.Refusal.UNREADABLE);
            } else if (cause instanceof StorageUnavailableException) {
                listener.refused(transport, envelope.eventType(), IntakeListener.Refusal.STORAGE_UNAVAILABLE);
            }
        });
    }

    private CompletableFuture<Intake> translateAndStore(LarkEnvelope envelope, Transport transport) {
        EventMeta meta;
        try {
            meta = HeaderMeta.of(envelope, transport, clock.instant());
        } catch (IllegalArgumentException e) {
            // its header holds a value no column can (the domain's message names the field): kept raw
            EventMeta kept = HeaderMeta.kept(envelope, transport, clock.instant());
            return checkedForConflict(envelope, unhandled(kept, LedgerOutcome.MALFORMED, e.getMessage(),
                    envelope.raw()), kept);
        }
        CompletableFuture<Intake> stored;
        try {
            stored = handled(meta, envelope);
        } catch (UntranslatableEventException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return checkedForConflict(envelope, stored.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
            if (cause instanceof UntranslatableEventException || cause instanceof UnstorableEventException) {
                // Verified but unreadable, or refused by the store: kept raw in the ledger and acknowledged, since
                // redelivery cannot mend it.
                return unhandled(meta, LedgerOutcome.MALFORMED, cause.getMessage(), envelope.raw());
            }
            return CompletableFuture.failedFuture(cause);
        }), meta);
    }

    /** The event to the use case of its type; a type not handled is noted in the ledger as ignored. */
    private CompletableFuture<Intake> handled(EventMeta meta, LarkEnvelope envelope) {
        JsonObject event = envelope.event();
        String raw = envelope.raw();
        Instant happened = HeaderMeta.happenedAt(meta);
        return switch (meta.eventType()) {
            case FEEDBACK_CREATED -> feedbackArrived(meta, LarkTranslation.feedback(event), raw);
            case APP_VERSION_PUBLISH_REVOKE -> useCases.revocations().recordAsync(new RecordRevocationCommand(meta,
                    LarkTranslation.revocation(event, happened), raw)).thenApply(delivery -> stored(meta, delivery));
            case APP_VERSION_PUBLISH_APPLY -> waiting(() -> stored(meta, useCases.versions().record(
                    new RecordVersionStepCommand(meta, LarkTranslation.publishApplication(event, meta.appId(),
                            happened), raw))));
            case APP_VERSION_AUDIT -> waiting(() -> stored(meta, useCases.versions().record(
                    new RecordVersionStepCommand(meta, LarkTranslation.review(event, meta.appId(), happened), raw))));
            case FEEDBACK_UPDATED -> waiting(() -> stored(meta, useCases.statuses().apply(
                    LarkTranslation.statusUpdate(meta, event, raw))));
            case CARD_ACTION_TRIGGER -> waiting(() -> clicked(meta, useCases.cards().apply(
                    LarkTranslation.cardAction(meta, event, raw))));
            default -> unhandled(meta, LedgerOutcome.IGNORED, "event type not handled", raw);
        };
    }

    /**
     * A duplicate whose body differs from the one kept under its event id is another event reusing the id: kept
     * aside as a conflict rather than dropped. The header may differ between deliveries (transport); the type
     * and the event body may not.
     */
    private CompletableFuture<Intake> checkedForConflict(LarkEnvelope envelope, CompletableFuture<Intake> stored,
                                                         EventMeta meta) {
        return stored.thenCompose(intake -> intake.delivery() != Delivery.DUPLICATE
                ? CompletableFuture.completedFuture(intake)
                : waiting(() -> {
                    Optional<String> kept = useCases.ledger().rawEvent(intake.eventId());
                    if (kept.isEmpty() || sameEvent(LarkEnvelope.parse(kept.get()), envelope)) {
                        return intake;
                    }
                    Delivery conflict = useCases.ledger().recordConflict(
                            new RecordConflictCommand(meta, envelope.raw()));
                    return new Intake(intake.eventId(), intake.eventType(), intake.outcome(), conflict,
                            intake.answer());
                }));
    }

    /**
     * What waits for the store (a use case that answers only once committed, a read after a commit), on the
     * blocking executor: never on the caller's thread nor on a committer.
     */
    private <T> CompletableFuture<T> waiting(Supplier<T> useCase) {
        return CompletableFuture.supplyAsync(useCase, blocking);
    }

    private static boolean sameEvent(LarkEnvelope kept, LarkEnvelope arrived) {
        return Objects.equals(kept.eventType(), arrived.eventType()) && Objects.equals(kept.event(), arrived.event());
    }

    /**
     * A status Lark's console set before the feedback arrived is applied once it is in the inbox; also on a
     * redelivery, in case applying it failed the first time.
     */
    private CompletableFuture<Intake> feedbackArrived(EventMeta meta, Feedback feedback, String raw) {
        return useCases.inbox().triageAsync(new TriageFeedbackCommand(meta, feedback, raw)).thenCompose(arrival -> {
            Intake intake = stored(meta, arrival.delivery());
            if (!arrival.statusAwaited() || arrival.delivery() == Delivery.CONFLICT) {
                return CompletableFuture.completedFuture(intake);
            }
            return waiting(() -> {
                useCases.statuses().applyAwaited(feedback.feedbackId());
                return intake;
            });
        });
    }

    /** A click is committed with its change, or refused having changed nothing: either way it is answered. */
    private Intake clicked(EventMeta meta, CardActionResult result) {
        Delivery delivery = result.verdict() == CardActionResult.Verdict.REPEATED ? Delivery.DUPLICATE : Delivery.NEW;
        return new Intake(meta.eventId(), meta.eventType(), LedgerOutcome.STORED, delivery,
                CardAnswer.of(result, rendering));
    }

    private static Intake stored(EventMeta meta, Delivery delivery) {
        return new Intake(meta.eventId(), meta.eventType(), LedgerOutcome.STORED, delivery);
    }

    private CompletableFuture<Intake> unhandled(EventMeta meta, LedgerOutcome outcome, String problem, String raw) {
        return useCases.ledger().recordAsync(new RecordUnhandledEventCommand(meta, outcome, problem, raw))
                .thenApply(delivery -> new Intake(meta.eventId(), meta.eventType(), outcome, delivery));
    }
}
