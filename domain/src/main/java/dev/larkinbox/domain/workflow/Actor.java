package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.label.Labelled;
import dev.larkinbox.domain.validation.Text;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Who made a change: a person of the team, named as the API caller says; a Lark user, named by their open_id (a
 * button clicked on a chat card); or Lark (a status set in Lark's console).
 */
public record Actor(String name, Kind kind) {
    public static final int MAX_NAME_LENGTH = 100;
    public static final Actor LARK = new Actor("lark", Kind.LARK);

    public enum Kind implements Labelled {
        USER,
        /** Someone in Lark, by their open_id: it names them across the app's chats, whatever they call themselves. */
        LARK_USER,
        LARK;

        public static Kind fromLabel(String label) {
            return Labelled.fromLabel(Kind.class, label, "actor kind");
        }
    }

    public Actor {
        Text.requireNonBlank(name, "actor name");
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("actor name must be at most " + MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        Objects.requireNonNull(kind, "kind");
    }

    public static Actor user(String name) {
        return new Actor(name, Kind.USER);
    }

    /**
     * A change made in Lark's console, by the operator Lark names: their open_id (the id this app sees), else
     * another of their ids; just {@code lark} when the event names nobody.
     */
    public static Actor lark(UserRef operator) {
        return Stream.of(operator.openId(), operator.userId(), operator.unionId())
                .filter(id -> id != null && !id.isBlank()).findFirst()
                .map(id -> new Actor(id, Kind.LARK)).orElse(LARK);
    }

    public static Actor larkUser(String openId) {
        return new Actor(openId, Kind.LARK_USER);
    }
}
