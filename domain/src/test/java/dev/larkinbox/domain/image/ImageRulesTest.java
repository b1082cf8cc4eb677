package dev.larkinbox.domain.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.reason.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageRulesTest {
    private static final ImageRules LARK = new ImageRules(
            ImageOrigins.parse("https://*.byteimg.com, http://127.0.0.1:8123"), 1024);

    @Test
    void onlyListedOriginsAreFetchedAWildcardCoveringSubdomainsOnly() {
        assertEquals(Optional.empty(), url(
                "https://p6-lark-openplatform-image-sign.byteimg.com/tos-cn-i-abc/x.png?x-expires=1&x-signature=s"));
        assertEquals(Optional.empty(), url("https://a.b.byteimg.com/x"));
        assertEquals(Optional.of("host not allowed: https://byteimg.com"), url("https://byteimg.com/x"));
        assertEquals(Optional.of("host not allowed: http://p6.byteimg.com"),
                url("http://p6.byteimg.com/x"), "the scheme is part of the origin");
        assertEquals(Optional.of("host not allowed: https://evilbyteimg.com"),
                url("https://evilbyteimg.com/x"));
        assertEquals(Optional.of("host not allowed: https://p6.byteimg.com.evil.example"),
                url("https://p6.byteimg.com.evil.example/x"));
        assertEquals(Optional.of("host not allowed: https://p6.byteimg.com:8443"),
                url("https://p6.byteimg.com:8443/x"), "another port is another origin");
        assertEquals(Optional.of("host not allowed: http://169.254.169.254"),
                url("http://169.254.169.254/latest/meta-data/"));
        assertEquals(Optional.of("not an http or https URL"), url("file:///etc/passwd"));
        assertEquals(Optional.of("not an http or https URL"), url("javascript:alert(1)"));
        assertEquals(Optional.of("a URL with credentials"), url("https://u:p@p6.byteimg.com/x"));
        assertEquals(Optional.of("not a URL"), url("https://p6.byteimg.com/a b"));
        assertEquals(Optional.empty(), url("http://127.0.0.1:8123/img.png"));
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefusedUnlessThatVeryOriginIsListed() throws UnknownHostException {
        URI lark = URI.create("https://p6.byteimg.com/x.png");
        assertEquals(Optional.empty(), refused(lark, addresses("203.0.113.7", "2001:db8::1")));
        for (String inside : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254")) {
            assertEquals(Optional.of("address not public: " + InetAddress.getByName(inside).getHostAddress()),
                    refused(lark, addresses("203.0.113.7", inside)), inside);
        }
        assertEquals(Optional.empty(), refused(URI.create("http://127.0.0.1:8123/img.png"),
                addresses("127.0.0.1")), "listed by name, as the tests list their stand-in");
        assertEquals(Optional.of("host without an address"), refused(lark, List.of()));
    }

    @Test
    void imagesAreToldByTheirMagicNumbersSvgAndHtmlRefusedByName() {
        assertEquals(Optional.of(ImageType.PNG), ImageType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n',
                0x1A, '\n', 0}));
        assertEquals(Optional.of(ImageType.JPEG), ImageType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(Optional.of(ImageType.GIF), ImageType.of("GIF89a...".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(ImageType.WEBP), ImageType.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!DOCTYPE html><html><body>sign in</body></html>".getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), ImageType.of(svg));
        assertEquals(Optional.empty(), ImageType.of(html));
        assertEquals(Optional.empty(), ImageType.of(new byte[] {(byte) 0x89, 'P', 'N'}));
        assertEquals("not a PNG, JPEG, GIF or WebP image: an SVG image", ImageType.refusal(svg).english());
        assertEquals("not a PNG, JPEG, GIF or WebP image: an HTML page", ImageType.refusal(html).english());
        assertEquals("not a PNG, JPEG, GIF or WebP image: an empty body", ImageType.refusal(new byte[0]).english());
    }

    @Test
    void anOriginThatIsNoOriginIsRefused() {
        for (String bad : List.of("byteimg.com", "https://*.byteimg.com/path", "ftp://x.example", "https://",
                "https://a.example?x", "HTTPS://A.EXAMPLE")) {
            assertThrows(IllegalArgumentException.class, () -> new ImageOrigins(List.of(bad)), bad);
        }
        assertTrue(ImageOrigins.parse(" HTTPS://*.ByteImg.com ,, ").allows(URI.create("https://p.byteimg.com/x")));
        assertThrows(IllegalArgumentException.class, () -> new ImageRules(ImageOrigins.parse(""), 0));
    }

    private static List<InetAddress> addresses(String... literals) throws UnknownHostException {
        InetAddress[] all = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            all[i] = InetAddress.getByName(literals[i]);
        }
        return List.of(all);
    }

    /** Why the rules refuse the URL, or its host's addresses, in English. */
    private static Optional<String> url(String url) {
        return LARK.refusedUrl(url).map(Reason::english);
    }

    private static Optional<String> refused(URI url, List<InetAddress> addresses) {
        return LARK.refusedAddresses(url, addresses).map(Reason::english);
    }
}
