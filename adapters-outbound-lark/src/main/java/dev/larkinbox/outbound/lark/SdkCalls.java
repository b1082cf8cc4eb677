package dev.larkinbox.outbound.lark;

import com.lark.oapi.core.response.BaseResponse;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;

/** How a call through the SDK's client is made and its answer judged, for every endpoint. */
final class SdkCalls {
    private SdkCalls() {
    }

    interface SdkCall<T> {
        T call() throws Exception;
    }

    /** Anything the SDK throws means the call did not get an answer we can read: try later. */
    static <T extends BaseResponse<?>> T call(SdkCall<T> call) {
        T response;
        try {
            response = call.call();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the SDK's messages may quote request or response bodies: the kind of failure only
            throw new LarkUnavailableException("Lark's open API could not be reached (" + e.getClass().getSimpleName()
                    + ")", null);
        }
        if (response == null) {
            throw new LarkUnavailableException("Lark's open API gave no answer", null);
        }
        return response;
    }

    /** A server error or rate limit is worth a retry like a failed connection; any other error code is a refusal. */
    static <T extends BaseResponse<?>> T checked(String what, T response) {
        if (response.success()) {
            return response;
        }
        int http = response.getRawResponse() == null ? 0 : response.getRawResponse().getStatusCode();
        if (http >= 500 || http == 429) {
            throw new LarkUnavailableException("Lark's open API answered HTTP " + http + " to " + what, null);
        }
        throw new LarkRefusedException(response.getCode(), what + ": " + response.getMsg());
    }
}
