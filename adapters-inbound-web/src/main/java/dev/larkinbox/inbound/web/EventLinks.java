package dev.larkinbox.inbound.web;

import dev.larkinbox.inbound.web.access.WebConfig;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs an event brings (its images) a page may make links of. An event is written by whoever can reach the
 * webhook or by a user's client, so a {@code javascript:} or {@code data:} URL in it would run on the inbox's origin
 * when a triager clicks it: only {@code https:} URLs with a host become links ({@code http:} too where
 * {@code inbox.web.allow-http-links} is set); any other is shown as text.
 */
@Singleton
public class EventLinks {
    private final boolean allowHttp;

    public EventLinks(WebConfig config) {
        this.allowHttp = config.allowHttpLinks();
    }

    /** A URL as a page shows it: a link when {@code linkable}, else its text only. */
    public record Link(String url, boolean linkable) {
    }

    public List<Link> of(List<String> urls) {
        return urls.stream().map(url -> new Link(url, linkable(url))).toList();
    }

    public boolean linkable(String url) {
        URI uri;
        try {
            uri = new URI(url); // strict: whitespace or a control character anywhere is no link
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https") || allowHttp && scheme.equals("http");
        return allowed && uri.getHost() != null;
    }
}
