package dev.larkinbox.domain.event;

/**
 * A Lark user as an event names them. Every id is optional: {@code userId} needs a permission the app may
 * not hold, and Lark may leave out the others.
 */
public record UserRef(String openId, String unionId, String userId) {

    public static final UserRef NONE = new UserRef(null, null, null);

    public UserRef {
        Bounds.requireId(openId, "openId");
        Bounds.requireId(unionId, "unionId");
        Bounds.requireId(userId, "userId");
    }

    public boolean isEmpty() {
        return openId == null && unionId == null && userId == null;
    }

    /** User ids are personal data: they stay out of logs and exception messages. */
    @Override
    public String toString() {
        return isEmpty() ? "UserRef[none]" : "UserRef[redacted]";
    }
}
