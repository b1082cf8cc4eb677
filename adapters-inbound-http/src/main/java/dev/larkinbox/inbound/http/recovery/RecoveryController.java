package dev.larkinbox.inbound.http.recovery;

import dev.larkinbox.inbound.http.ApiDocument;
import dev.larkinbox.domain.recovery.RecoverMissedFeedback;
import dev.larkinbox.domain.recovery.RecoverMissedFeedbackCommand;
import dev.larkinbox.inbound.http.access.ApiCaller;
import dev.larkinbox.inbound.http.error.RefusalException;
import dev.larkinbox.inbound.http.error.ErrorType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Recovery on demand: what the scheduled job does, now. Blocking executor: it pages through Lark's listing.
 */
@Controller("/api/recovery")
@SecurityRequirement(name = ApiDocument.API_TOKEN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RecoveryController {
    private final RecoverMissedFeedback recovery;

    /** @param recovery absent when no Lark app credentials are configured */
    RecoveryController(@Nullable RecoverMissedFeedback recovery) {
        this.recovery = recovery;
    }

    /**
     * Lists the feedback Lark has of the last days and adds to the inbox each one that never arrived. Admins only:
     * 403 for anyone else.
     *
     * @param days how far back, 1 to 365; {@code inbox.recovery.days} when absent
     */
    @Post
    @Operation(operationId = "recoverMissedFeedback")
    public RecoveryResult recover(HttpRequest<?> request, @Nullable @QueryValue @Min(1)
                                  @Max(RecoverMissedFeedbackCommand.MAX_DAYS) Integer days) {
        ApiCaller.admin(request, "recover missed feedback");
        if (recovery == null) {
            throw new RefusalException(ErrorType.LARK_NOT_CONFIGURED,
                    "recovery needs lark.app-id and lark.app-secret to call Lark's open API");
        }
        return RecoveryResult.of(recovery.recover(new RecoverMissedFeedbackCommand(days)));
    }
}
