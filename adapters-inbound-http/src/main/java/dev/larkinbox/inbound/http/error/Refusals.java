package dev.larkinbox.inbound.http.error;

import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.paging.InvalidCursorException;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.reply.NoReporterException;
import dev.larkinbox.domain.workflow.ConcurrentChangeException;
import dev.larkinbox.domain.problem.ProblemNotFoundException;
import dev.larkinbox.domain.workflow.FeedbackNotFoundException;
import dev.larkinbox.domain.workflow.ImpossibleTransitionException;
import dev.larkinbox.domain.workflow.StaleVersionException;
import dev.larkinbox.inbound.lark.MalformedEventException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table of refusals: each exception the API can meet, the problem it is answered with, and its detail.
 * A detail is written here, never copied from the request: it is sent to the client and logged.
 */
final class Refusals {
    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {
    }

    /** Answers one kind of exception with one problem type, and leaves one line saying why. */
    abstract static class Refusal<E extends Throwable> implements ExceptionHandler<E, HttpResponse<ErrorDocument>> {

        abstract ErrorType type(E exception);

        abstract String detail(E exception);

        @Override
        public HttpResponse<ErrorDocument> handle(HttpRequest request, E exception) {
            ErrorType type = type(exception);
            String detail = detail(exception);
            LOG.info("refused {}: {} {}", Route.of(request), type.status().getCode(), detail);
            return ErrorResponses.response(type, detail);
        }
    }

    /** A refusal that is always the same problem; its detail is a function of the exception. */
    abstract static class Fixed<E extends Throwable> extends Refusal<E> {
        private final ErrorType type;
        private final Function<E, String> detail;

        Fixed(ErrorType type, Function<E, String> detail) {
            this.type = type;
            this.detail = detail;
        }

        @Override
        ErrorType type(E exception) {
            return type;
        }

        @Override
        String detail(E exception) {
            return detail.apply(exception);
        }
    }

    /** A refusal this adapter decided on: its type and detail are already chosen. */
    @Singleton
    @Produces
    static final class Decided extends Refusal<RefusalException> {
        @Override
        ErrorType type(RefusalException exception) {
            return exception.type();
        }

        @Override
        String detail(RefusalException exception) {
            return exception.getMessage();
        }
    }

    /** A payload that cannot be an event: the intake's message names the defect, never the payload. */
    @Singleton
    @Produces
    static final class MalformedEvent extends Fixed<MalformedEventException> {
        MalformedEvent() {
            super(ErrorType.MALFORMED_EVENT, Throwable::getMessage);
        }
    }

    @Singleton
    @Produces
    static final class FeedbackNotFound extends Fixed<FeedbackNotFoundException> {
        FeedbackNotFound() {
            super(ErrorType.NOT_FOUND, e -> "no feedback with this feedback_id");
        }
    }

    @Singleton
    @Produces
    static final class NoReporter extends Fixed<NoReporterException> {
        NoReporter() {
            super(ErrorType.NO_REPORTER, e -> "the feedback names no reporter open_id to write to");
        }
    }

    @Singleton
    @Produces
    static final class ProblemNotFound extends Fixed<ProblemNotFoundException> {
        ProblemNotFound() {
            super(ErrorType.NOT_FOUND, e -> "no problem with this problem_id");
        }
    }

    /** The workflow's reason, such as "new can only go to acknowledged". */
    @Singleton
    @Produces
    static final class ImpossibleTransition extends Fixed<ImpossibleTransitionException> {
        ImpossibleTransition() {
            super(ErrorType.IMPOSSIBLE_TRANSITION, Throwable::getMessage);
        }
    }

    @Singleton
    @Produces
    static final class StaleVersion extends Fixed<StaleVersionException> {
        StaleVersion() {
            super(ErrorType.STALE_VERSION, e -> e.getMessage() + "; GET the feedback again for its current ETag");
        }
    }

    @Singleton
    @Produces
    static final class ConcurrentChange extends Fixed<ConcurrentChangeException> {
        ConcurrentChange() {
            super(ErrorType.CONCURRENT_CHANGE, e -> "the feedback kept changing; try again");
        }
    }

    @Singleton
    @Produces
    static final class LarkUnavailable extends Fixed<LarkUnavailableException> {
        LarkUnavailable() {
            super(ErrorType.LARK_UNAVAILABLE, e -> "Lark's open API could not be reached; try again later");
        }
    }

    @Singleton
    @Produces
    static final class LarkRefused extends Fixed<LarkRefusedException> {
        LarkRefused() {
            super(ErrorType.LARK_REFUSED, e -> "Lark's open API refused with code " + e.code());
        }
    }

    /** A cursor the store did not give out for this listing: the client's mistake. */
    @Singleton
    @Produces
    static final class InvalidCursor extends Fixed<InvalidCursorException> {
        InvalidCursor() {
            super(ErrorType.INVALID_QUERY, e -> "cursor is not one this listing gave out; start again without it");
        }
    }

    /**
     * Nothing was committed: 503 with Retry-After, so that Lark delivers the event again. Never 200. The store's
     * message is not logged: a database error can quote the values it failed to write.
     */
    @Singleton
    @Produces
    static final class StorageUnavailable implements ExceptionHandler<StorageUnavailableException, HttpResponse<ErrorDocument>> {
        @Override
        public HttpResponse<ErrorDocument> handle(HttpRequest request, StorageUnavailableException exception) {
            LOG.warn("storage unavailable during {} ({}): answered 503 so that the sender retries", Route.of(request),
                    exception.getCause() == null ? "no cause given" : exception.getCause().getClass().getName());
            return ErrorResponses.response(ErrorType.STORAGE_UNAVAILABLE, "the store could not commit; nothing was kept");
        }
    }

    /** A body that is not JSON at all. Replaces Micronaut's answer, whose message may quote the body. */
    @Singleton
    @Produces
    @Replaces(JsonExceptionHandler.class)
    static final class UnreadableJson extends Fixed<JsonSyntaxException> {
        UnreadableJson() {
            super(ErrorType.MALFORMED_BODY, e -> "the body is not JSON");
        }
    }

    /**
     * A request value that breaks its constraint ({@code limit=500}, {@code days=0}): the parameter and the rule,
     * as micronaut-validation states it. Replaces Micronaut's own answer, which is no problem document.
     */
    @Singleton
    @Produces
    @Replaces(ConstraintExceptionHandler.class)
    static final class ConstraintBroken extends Fixed<ConstraintViolationException> {
        ConstraintBroken() {
            super(ErrorType.INVALID_QUERY, e -> e.getConstraintViolations().stream()
                    .map(v -> parameter(v) + " " + v.getMessage())
                    .sorted(Comparator.naturalOrder()).findFirst().orElse("a request value is not allowed"));
        }

        private static String parameter(ConstraintViolation<?> violation) {
            String name = "value";
            for (Path.Node node : violation.getPropertyPath()) {
                name = node.getName();
            }
            return name;
        }
    }

    /**
     * A request value that is not of its type: {@code days=abc}, {@code limit=many}, or a body that is not the JSON
     * the operation takes. Replaces Micronaut's own answer, which names no reason.
     */
    @Singleton
    @Produces
    @Replaces(ConversionErrorHandler.class)
    static final class Unreadable extends Refusal<ConversionErrorException> {
        @Override
        ErrorType type(ConversionErrorException exception) {
            return isBody(exception) ? ErrorType.MALFORMED_BODY : ErrorType.INVALID_QUERY;
        }

        @Override
        String detail(ConversionErrorException exception) {
            if (isBody(exception)) {
                return "the body must be the JSON object this operation takes";
            }
            String name = exception.getArgument().getAnnotationMetadata()
                    .stringValue(io.micronaut.http.annotation.QueryValue.class)
                    .filter(s -> !s.isEmpty()).orElse(exception.getArgument().getName());
            return name + " must be " + expected(exception.getArgument().getType());
        }

        private static boolean isBody(ConversionErrorException exception) {
            return exception.getArgument().getAnnotationMetadata().hasAnnotation(Body.class);
        }

        private static String expected(Class<?> type) {
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return "a whole number";
            }
            return "a " + type.getSimpleName();
        }
    }
}
