package dev.larkinbox.inbound.http.access;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.inbound.http.error.ErrorType;
import dev.larkinbox.inbound.http.error.RefusalException;
import io.micronaut.http.HttpRequest;

/**
 * Who is calling the API, as {@link ApiTokenFilter} found them by their token: the holder of
 * {@code inbox.api-token} (an admin, recorded as {@code api-token}), or the owner of a personal token, with their
 * role as it is now. Every change is recorded as them; no header names anyone else.
 */
public final class ApiCaller {
    static final String ATTRIBUTE = ApiCaller.class.getName();

    private ApiCaller() {
    }

    public static Person of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Person.class)
                .orElseThrow(() -> new IllegalStateException("an API request without its caller"));
    }

    /**
     * The caller, if an admin.
     *
     * @param what what only admins may do, for the refusal: "merge problems"
     * @throws RefusalException 403 for anyone else
     */
    public static Person admin(HttpRequest<?> request, String what) {
        Person caller = of(request);
        if (!caller.role().mayAdminister()) {
            throw new RefusalException(ErrorType.NOT_ALLOWED, "only an admin may " + what + "; the caller is a "
                    + caller.role().label());
        }
        return caller;
    }
}
