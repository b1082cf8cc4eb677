package dev.larkinbox.domain.image;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The origins images are fetched from: {@code scheme://host[:port]}, http or https, the host possibly
 * {@code *.example.com} (any host under example.com, not example.com itself).
 *
 * @param origins as configured, in lower case
 */
public record ImageOrigins(List<String> origins) {

    public ImageOrigins {
        origins = List.copyOf(Objects.requireNonNull(origins, "origins"));
        for (String origin : origins) {
            requireOrigin(origin);
        }
    }

    /** @param commaSeparated such as {@code https://*.byteimg.com, https://*.larksuitecdn.com} */
    public static ImageOrigins parse(String commaSeparated) {
        return new ImageOrigins(Arrays.stream(Objects.requireNonNull(commaSeparated, "origins").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    /** Whether the URL's origin is listed, by name or by a wildcard. */
    public boolean allows(URI url) {
        String origin = origin(url);
        return origin != null && origins.stream().anyMatch(o -> matches(o, origin));
    }

    /**
     * Whether the URL's very origin is listed, not by a wildcard: only such an origin may be on a private, loopback
     * or link-local address.
     */
    public boolean listsExactly(URI url) {
        String origin = origin(url);
        return origin != null && origins.contains(origin);
    }

    /** {@code scheme://host[:port]} in lower case, the port left out when it is the scheme's; null if none. */
    static String origin(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            return null;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean usual = port == -1 || port == 443 && scheme.equals("https") || port == 80 && scheme.equals("http");
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (usual ? "" : ":" + port);
    }

    private static boolean matches(String listed, String origin) {
        int wildcard = listed.indexOf("://*.");
        if (wildcard < 0) {
            return listed.equals(origin);
        }
        // https://*.example.com matches https://a.example.com and https://a.b.example.com
        String scheme = listed.substring(0, wildcard + 3);
        String suffix = listed.substring(wildcard + 4);
        return origin.startsWith(scheme) && origin.endsWith(suffix)
                && origin.length() > scheme.length() + suffix.length()
                && !origin.substring(scheme.length(), origin.length() - suffix.length()).contains(":");
    }

    private static void requireOrigin(String origin) {
        String plain = origin.replace("://*.", "://wildcard.");
        URI uri;
        try {
            uri = new URI(plain);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an origin such as https://*.byteimg.com: " + origin);
        }
        if (!origin.equals(origin.toLowerCase(Locale.ROOT)) || !(Objects.equals(uri.getScheme(), "https")
                || Objects.equals(uri.getScheme(), "http")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !plain.equals(origin(uri))) {
            throw new IllegalArgumentException("not an origin such as https://*.byteimg.com: " + origin);
        }
    }
}
