package dev.larkinbox.outbound.lark.image;

import dev.larkinbox.domain.image.ImageRefusedException;
import dev.larkinbox.domain.image.ImageRules;
import dev.larkinbox.domain.image.ImageSource;
import dev.larkinbox.domain.image.ImageUnavailableException;
import dev.larkinbox.domain.reason.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches images from Lark's image host with the JDK's HttpClient, under the {@link ImageRules}: the URL's origin
 * allowed, every address of its host checked before connecting, no redirect followed, no proxy, the body read up
 * to the rules' largest size, the whole exchange within a timeout. The client connects to an address its host
 * resolved to through the JVM's address cache, which the check has just filled: the addresses checked.
 */
public final class HttpImageSource implements ImageSource {

    /** Resolves a host name to every address it has. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final ImageRules rules;
    private final Duration timeout;
    private final Resolver resolver;
    private final HttpClient client;

    public HttpImageSource(ImageRules rules, Duration timeout) {
        this(rules, timeout, host -> List.of(InetAddress.getAllByName(host)));
    }

    HttpImageSource(ImageRules rules, Duration timeout, Resolver resolver) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(timeout).build();
    }

    @Override
    public byte[] fetch(URI url) {
        rules.refusedUrl(url.toString()).ifPresent(reason -> {
            throw new ImageRefusedException(reason);
        });
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException e) {
            throw new ImageUnavailableException("host-not-found", e);
        }
        rules.refusedAddresses(url, addresses).ifPresent(reason -> {
            throw new ImageRefusedException(reason);
        });
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("Accept", "image/png, image/jpeg, image/gif, image/webp").build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, answer -> new CappedBody(
                rules.maxBytes(), answer.headers().firstValueAsLong("Content-Length").orElse(-1),
                answer.statusCode() == 200));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ImageUnavailableException("timeout", e, timeout.toMillis());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ImageUnavailableException("interrupted", e);
        } catch (ExecutionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CappedBody.TooLarge) {
                    throw new ImageRefusedException(Reason.of("image.too-large", rules.maxBytes()));
                }
            }
            // the host's own words may quote the URL: only the kind of failure is told
            throw new ImageUnavailableException("unreachable", e, e.getCause().getClass().getSimpleName());
        }
        return body(response);
    }

    private static byte[] body(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        if (status >= 300 && status < 400) {
            String to = response.headers().firstValue("Location").map(HttpImageSource::originOf).orElse("nowhere");
            throw new ImageRefusedException(Reason.of("image.redirect", to));
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new ImageUnavailableException("answered", null, status);
        }
        // an expired or forged signature, an image gone: trying again changes nothing
        throw new ImageRefusedException(Reason.of("image.answered", status));
    }

    /** The redirect's origin only: its path and query may carry a signature. */
    private static String originOf(String location) {
        try {
            URI uri = URI.create(location);
            return uri.getHost() == null ? "the same host" : uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "an invalid location";
        }
    }
}
