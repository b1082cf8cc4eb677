package dev.larkinbox.inbound.lark;

import java.util.Locale;

/** {@code lark.mode}: which transports bring Lark's events. Both transports read it, so it lives with them. */
public enum LarkMode {
    WEBHOOK, WS, BOTH;

    public static final String PROPERTY = "lark.mode";
    /** The one default, for the configuration and for the conditions that read the property before it is bound. */
    public static final String DEFAULT_LABEL = "webhook";
    public static final LarkMode DEFAULT = valueOf(DEFAULT_LABEL.toUpperCase(Locale.ROOT));

    public boolean servesWebhook() {
        return this != WS;
    }

    public boolean opensLongConnection() {
        return this != WEBHOOK;
    }

    /** As written in the configuration: {@code webhook}, {@code ws}, {@code both}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
