package dev.larkinbox.domain.card;

import dev.larkinbox.domain.person.Role;
import java.util.Optional;

/** Port: the role of someone who clicks a card's button, by open_id; empty for someone not let in. */
@FunctionalInterface
public interface Clickers {

    /** @throws dev.larkinbox.domain.platform.LarkUnavailableException when it takes Lark to know, and Lark is down */
    Optional<Role> roleOf(String openId);
}
