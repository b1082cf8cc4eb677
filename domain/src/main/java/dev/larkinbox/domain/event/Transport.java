package dev.larkinbox.domain.event;

/** How an event reached us. The wire name is what the ledger and the API show. */
public enum Transport {
    WEBHOOK("webhook"),
    LONG_CONNECTION("ws"),
    /** No event reached us: the feedback was fetched back from Lark's open API by the recovery job. */
    RECOVERY("recovery");

    private final String wireName;

    Transport(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Transport fromWireName(String name) {
        for (Transport t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport: " + name);
    }
}
