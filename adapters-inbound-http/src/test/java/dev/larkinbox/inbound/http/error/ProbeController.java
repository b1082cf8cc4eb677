package dev.larkinbox.inbound.http.error;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Routes that make Micronaut raise its own errors, which the module's routes never do: a JSON body it cannot
 * bind, and an unexpected failure.
 */
@Controller("/probe")
class ProbeController {
    static final String FAILURE_MESSAGE = "secret-laden failure message";

    @Serdeable
    record Note(int count) {
    }

    @Post("/json")
    int json(@Body Note note) {
        return note.count();
    }

    @Get("/fail")
    String fail() {
        throw new IllegalStateException(FAILURE_MESSAGE);
    }
}
