package dev.larkinbox.inbound.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkinbox.domain.event.UserRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A Lark user id object as the API shows it: {@code {open_id, union_id, user_id}}, each null when Lark left it out. */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserView(@Nullable String openId, @Nullable String unionId, @Nullable String userId) {

    public static UserView of(UserRef user) {
        return new UserView(user.openId(), user.unionId(), user.userId());
    }

    /** User ids are personal data. */
    @Override
    public String toString() {
        return "UserView[redacted]";
    }
}
