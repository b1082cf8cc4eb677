package dev.larkinbox.domain.image;

import java.util.Locale;

/** Where the copy of an image stands. */
public enum ImageState {
    /** Not fetched yet, or to be tried again. */
    PENDING,
    /** Fetched and kept. */
    KEPT,
    /** Given up: refused, or its URL expired; the reason says which. */
    LOST;

    /** As the API and the page write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
