package dev.larkinbox.inbound.lark;

import dev.larkinbox.domain.card.ApplyCardAction;
import dev.larkinbox.domain.card.CardActionResult;
import dev.larkinbox.domain.event.Bounds;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UnstorableEventException;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.inbox.TriageFeedback;
import dev.larkinbox.domain.inbox.TriageFeedbackCommand;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.ledger.RecordConflictCommand;
import dev.larkinbox.domain.ledger.RecordUnhandledEvent;
import dev.larkinbox.domain.ledger.RecordUnhandledEventCommand;
import dev.larkinbox.domain.revocation.RecordRevocation;
import dev.larkinbox.domain.revocation.RecordRevocationCommand;
import dev.larkinbox.domain.version.RecordVersionStep;
import dev.larkinbox.domain.version.RecordVersionStepCommand;
import dev.larkinbox.domain.workflow.ApplyLarkStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
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

    private final RecordRevocation revocations;
    private final RecordVersionStep versions;
    private final TriageFeedback inbox;
    private final ApplyLarkStatus statuses;
    private final RecordUnhandledEvent ledger;
    private final ApplyCardAction cards;
    private final CardRendering rendering;
    private final Clock clock;
    private final IntakeListener listener;
    private final Executor blocking;

    /**
     * @param statuses    takes the statuses Lark's console sets
     * @param cards       takes the clicks on cards' buttons; null to record {@value #CARD_ACTION_TRIGGER} as ignored
     * @param rendering   the cards as the clicking person sees them in the answer; null without {@code cards}
     * @param listener    told what became of each event
     * @param blocking    runs what waits for the store: the use cases that answer only once committed (version
     *                    steps, statuses set in Lark, card clicks) and what follows a commit and reads the store
     *                    again (a status awaited by the feedback, a duplicate's check for a reused id), so that
     *                    neither the caller's thread (a Netty event loop) nor the committing thread waits
     */
    public LarkEventIntake(RecordRevocation revocations, RecordVersionStep versions, TriageFeedback inbox,
                           ApplyLarkStatus statuses, ApplyCardAction cards, CardRendering rendering,
                           RecordUnhandledEvent ledger, Clock clock, IntakeListener listener, Executor blocking) {
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.statuses = statuses;
        if ((cards == null) != (rendering == null)) {
            throw new IllegalArgumentException("card actions need their rendering, and only they do");
        }
        this.cards = cards;
        this.rendering = rendering;
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /** Runs what waits for the store on the caller's thread: for callers that may wait (tests, a worker). */
    public LarkEventIntake(RecordRevocation revocations, RecordVersionStep versions, TriageFeedback inbox,
                           ApplyLarkStatus statuses, ApplyCardAction cards, CardRendering rendering,
                           RecordUnhandledEvent ledger, Clock clock, IntakeListener listener) {
        this(revocations, versions, inbox, statuses, cards, rendering, ledger, clock, listener, Runnable::run);
    }

    /** @param statuses takes the statuses Lark's console sets */
    public LarkEventIntake(RecordRevocation revocations, RecordVersionStep versions, TriageFeedback inbox,
                           ApplyLarkStatus statuses, ApplyCardAction cards, CardRendering rendering,
                           RecordUnhandledEvent ledger, Clock clock) {
        this(revocations, versions, inbox, statuses, cards, rendering, ledger, clock, IntakeListener.NONE);
    }

    /** @param statuses takes the statuses Lark's console sets */
    public LarkEventIntake(RecordRevocation revocations, RecordVersionStep versions, TriageFeedback inbox,
                           ApplyLarkStatus statuses, RecordUnhandledEvent ledger, Clock clock, IntakeListener listener) {
        this(revocations, versions, inbox, statuses, null, null, ledger, clock, listener);
    }

    /** @param statuses takes the statuses Lark's console sets */
    public LarkEventIntake(RecordRevocation revocations, RecordVersionStep versions, TriageFeedback inbox,
                           ApplyLarkStatus statuses, RecordUnhandledEvent ledger, Clock clock) {
        this(revocations, versions, inbox, statuses, null, null, ledger, clock, IntakeListener.NONE);
    }

    /**
     * An intake that does not follow statuses set in Lark: it records {@value #FEEDBACK_UPDATED} as ignored, as
     * every release before status sync did.
     */
    public LarkEventIntake(RecordRevocation revocations, RecordVersionStep versions, TriageFeedback inbox,
                           RecordUnhandledEvent ledger, Clock clock) {
        this(revocations, versions, inbox, null, null, null, ledger, clock);
    }

    /**
     * @param json plain (decrypted) schema 2.0 event JSON
     * @throws MalformedEventException not JSON, or no {@code header.event_id} / {@code header.event_type}
     * @throws dev.larkinbox.domain.event.StorageUnavailableException nothing could be committed
     */
    public Intake accept(String json, Transport transport) {
        LarkEnvelope envelope;
        try {
            envelope = LarkEnvelope.parse(json);
        } catch (MalformedEventException e) {
            listener.refused(transport, null, IntakeListener.Refusal.UNREADABLE);
            throw e;
        }
        return accept(envelope, transport);
    }

    /** As {@link #accept(String, Transport)}, for a payload already parsed (to check its token first). */
    public Intake accept(LarkEnvelope envelope, Transport transport) {
        try {
            return acceptAsync(envelope, transport).join();
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
            meta = meta(envelope, transport);
        } catch (IllegalArgumentException e) {
            // its header holds a value no column can (the domain's message names the field): kept raw
            EventMeta kept = keptMeta(envelope, transport);
            return checkedForConflict(envelope, unhandled(kept, LedgerOutcome.MALFORMED, e.getMessage(),
                    envelope.raw()), kept);
        }
        CompletableFuture<Intake> stored;
        try {
            stored = switch (meta.eventType()) {
                case FEEDBACK_CREATED -> feedbackArrived(meta, LarkTranslation.feedback(envelope.event()),
                        envelope.raw());
                case APP_VERSION_PUBLISH_REVOKE -> revocations.recordAsync(new RecordRevocationCommand(meta,
                        LarkTranslation.revocation(envelope.event(), happenedAt(meta)), envelope.raw()))
                        .thenApply(delivery -> stored(meta, delivery));
                case APP_VERSION_PUBLISH_APPLY -> waiting(() -> stored(meta, versions.record(
                        new RecordVersionStepCommand(meta, LarkTranslation.publishApplication(envelope.event(),
                                meta.appId(), happenedAt(meta)), envelope.raw()))));
                case APP_VERSION_AUDIT -> waiting(() -> stored(meta, versions.record(new RecordVersionStepCommand(
                        meta, LarkTranslation.review(envelope.event(), meta.appId(), happenedAt(meta)),
                        envelope.raw()))));
                case FEEDBACK_UPDATED -> statuses == null
                        ? unhandled(meta, LedgerOutcome.IGNORED, "event type not handled", envelope.raw())
                        : waiting(() -> stored(meta, statuses.apply(LarkTranslation.statusUpdate(meta,
                        envelope.event(), envelope.raw()))));
                case CARD_ACTION_TRIGGER -> cards == null
                        ? unhandled(meta, LedgerOutcome.IGNORED, "chat cards are off", envelope.raw())
                        : waiting(() -> clicked(meta, cards.apply(LarkTranslation.cardAction(meta,
                        envelope.event(), envelope.raw()))));
                default -> unhandled(meta, LedgerOutcome.IGNORED, "event type not handled", envelope.raw());
            };
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

    /**
     * A duplicate whose body differs from the one kept under its event id is another event reusing the id: kept
     * aside as a conflict rather than dropped. The header may differ between deliveries (token, transport);
     * the type and the event body may not.
     */
    private CompletableFuture<Intake> checkedForConflict(LarkEnvelope envelope, CompletableFuture<Intake> stored,
                                                         EventMeta meta) {
        return stored.thenCompose(intake -> intake.delivery() != Delivery.DUPLICATE
                ? CompletableFuture.completedFuture(intake)
                : waiting(() -> {
                    Optional<String> kept = ledger.rawEvent(intake.eventId());
                    if (kept.isEmpty() || sameEvent(LarkEnvelope.parse(kept.get()), envelope)) {
                        return intake;
                    }
                    Delivery conflict = ledger.recordConflict(new RecordConflictCommand(meta, envelope.raw()));
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

    private EventMeta meta(LarkEnvelope envelope, Transport transport) {
        if (isBlank(envelope.eventId()) || isBlank(envelope.eventType())) {
            throw new MalformedEventException("the event has no header.event_id or header.event_type");
        }
        return new EventMeta(envelope.eventId(), envelope.eventType(), envelope.appId(), envelope.tenantKey(),
                envelope.createdAt(), clock.instant(), transport);
    }

    /**
     * The envelope of an event whose header is out of {@link Bounds}: what is out is left out (the raw event
     * holds it), and an over-long id becomes a key that the same id always maps to, so that a redelivery is a
     * duplicate, and that cannot pass for one of Lark's ids.
     */
    private EventMeta keptMeta(LarkEnvelope envelope, Transport transport) {
        return new EventMeta(key(envelope.eventId()), key(envelope.eventType()), within(envelope.appId()),
                within(envelope.tenantKey()), withinCalendar(envelope.createdAt()), clock.instant(), transport);
    }

    private static String key(String id) {
        if (id.length() <= Bounds.MAX_ID_LENGTH) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String within(String id) {
        return id == null || id.length() <= Bounds.MAX_ID_LENGTH ? id : null;
    }

    private static Instant withinCalendar(Instant at) {
        try {
            return Bounds.requireCalendar(at, "createdAt");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A status Lark's console set before the feedback arrived is applied once it is in the inbox; also on a
     * redelivery, in case applying it failed the first time.
     */
    private CompletableFuture<Intake> feedbackArrived(EventMeta meta, Feedback feedback, String raw) {
        return inbox.triageAsync(new TriageFeedbackCommand(meta, feedback, raw)).thenCompose(arrival -> {
            Intake intake = stored(meta, arrival.delivery());
            if (statuses == null || !arrival.statusAwaited() || arrival.delivery() == Delivery.CONFLICT) {
                return CompletableFuture.completedFuture(intake);
            }
            return waiting(() -> {
                statuses.applyAwaited(feedback.feedbackId());
                return intake;
            });
        });
    }

    /**
     * Lark stamps the event when the revocation, application or review happens; without that stamp, the time it
     * reached us.
     */
    private static Instant happenedAt(EventMeta meta) {
        return meta.createdAt() != null ? meta.createdAt() : meta.receivedAt();
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
        return ledger.recordAsync(new RecordUnhandledEventCommand(meta, outcome, problem, raw))
                .thenApply(delivery -> new Intake(meta.eventId(), meta.eventType(), outcome, delivery));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
