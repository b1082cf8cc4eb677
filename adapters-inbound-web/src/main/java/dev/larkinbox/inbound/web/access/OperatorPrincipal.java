package dev.larkinbox.inbound.web.access;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.util.Optional;

/**
 * Hands the health endpoint the {@link Principal} that {@link OperatorEndpoints} set on an operator's request: the
 * endpoint shows its details to a principal only, and without micronaut-security nothing else binds one.
 */
@Singleton
class OperatorPrincipal implements TypedRequestArgumentBinder<Principal> {
    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    @Override
    public BindingResult<Principal> bind(ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
        Optional<Principal> principal = source.getUserPrincipal();
        return () -> principal;
    }
}
