package dev.larkinbox.inbound.web.access;

import io.micronaut.http.annotation.FilterMatcher;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page (a controller, or one of its methods) only a signed-in person may reach. {@link SignedIn} runs for every
 * route marked so, whatever form of its path reached it ({@code /dashboard/}, {@code //dashboard}): a list of path
 * patterns beside the routes would miss the forms the router accepts and the patterns do not.
 */
@FilterMatcher
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NeedsSession {
}
