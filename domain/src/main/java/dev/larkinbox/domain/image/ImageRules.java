package dev.larkinbox.domain.image;

import dev.larkinbox.domain.reason.Reason;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What may be fetched and kept: pure rules, the fetcher applies them. A URL must be http(s) on an allowed origin;
 * every address its host resolves to must be public, unless that very origin is listed; the body at most
 * {@code maxBytes} and an image by its content ({@link ImageType}).
 *
 * @param origins  where images may come from
 * @param maxBytes the largest image kept
 */
public record ImageRules(ImageOrigins origins, long maxBytes) {

    public ImageRules {
        Objects.requireNonNull(origins, "origins");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("an image's largest size must be positive, not " + maxBytes);
        }
    }

    /** @return why this URL is not fetched; empty when it may be */
    public Optional<Reason> refusedUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of(Reason.of("image.not-a-url"));
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            return Optional.of(Reason.of("image.not-http"));
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(Reason.of("image.credentials"));
        }
        if (!origins.allows(uri)) {
            return Optional.of(Reason.of("image.host-not-allowed", ImageOrigins.origin(uri)));
        }
        return Optional.empty();
    }

    /**
     * @param addresses every address the URL's host resolved to
     * @return why the host is not connected to; empty when it may be
     */
    public Optional<Reason> refusedAddresses(URI url, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return Optional.of(Reason.of("image.no-address"));
        }
        if (origins.listsExactly(url)) {
            return Optional.empty();
        }
        return addresses.stream().filter(ImageRules::notPublic).findFirst()
                .map(a -> Reason.of("image.address-not-public", a.getHostAddress()));
    }

    /** Loopback, link-local (the cloud's metadata service), private, unique-local, wildcard or multicast. */
    static boolean notPublic(InetAddress address) {
        byte[] b = address.getAddress();
        boolean uniqueLocal = address instanceof Inet6Address && (b[0] & 0xFE) == 0xFC;
        boolean sharedOrZero = b.length == 4 && ((b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64 || b[0] == 0);
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedOrZero
                || mappedV4(b).map(ImageRules::notPublic).orElse(false);
    }

    /** An IPv4 address written as IPv6 ({@code ::ffff:a.b.c.d}) is judged as the IPv4 one. */
    private static Optional<InetAddress> mappedV4(byte[] b) {
        if (b.length != 16) {
            return Optional.empty();
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return Optional.empty();
            }
        }
        if (b[10] != (byte) 0xFF || b[11] != (byte) 0xFF) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }
}
