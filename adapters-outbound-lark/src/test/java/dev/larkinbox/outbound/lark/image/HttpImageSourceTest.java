package dev.larkinbox.outbound.lark.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.image.ImageOrigins;
import dev.larkinbox.domain.image.ImageRefusedException;
import dev.larkinbox.domain.image.ImageRules;
import dev.larkinbox.domain.image.ImageUnavailableException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpImageSourceTest {
    private static final int MAX = 10 * 1024 * 1024;

    @Test
    void anImageOfTheListedHostIsFetchedByteForByte() throws Exception {
        try (ImageHost host = ImageHost.start()) {
            assertArrayEquals(ImageHost.PNG, source(host).fetch(host.url("/shot.png")));
        }
    }

    @Test
    void aFiftyMegabyteBodyIsCutOffAtTheLimit() throws Exception {
        try (ImageHost host = ImageHost.start()) {
            var refused = assertThrows(ImageRefusedException.class, () -> source(host).fetch(host.url("/big.png")));
            assertEquals("image larger than " + MAX + " bytes", refused.getMessage());
            // the host may have buffered some beyond the limit into the socket, not the 50 MB
            assertTrue(host.bigWritten() < 2L * MAX, "written: " + host.bigWritten());
        }
    }

    @Test
    void aRedirectIsNotFollowedAndItsTargetNeverAsked() throws Exception {
        try (ImageHost host = ImageHost.start(); ImageHost other = ImageHost.start()) {
            host.redirectTo("http://localhost:" + other.url("/").getPort() + "/shot.png");
            var refused = assertThrows(ImageRefusedException.class, () -> source(host).fetch(host.url("/moved.png")));
            assertEquals("redirect to http://localhost:" + other.url("/").getPort() + " not followed",
                    refused.getMessage());
            assertEquals(List.of(), other.asked());
        }
    }

    @Test
    void aHostDownIsWorthTryingAgainAMissingImageIsNot() throws Exception {
        try (ImageHost host = ImageHost.start()) {
            host.down(true);
            assertEquals("host answered 503", assertThrows(ImageUnavailableException.class,
                    () -> source(host).fetch(host.url("/shot.png"))).getMessage());
            host.down(false);
            assertEquals("host answered 404", assertThrows(ImageRefusedException.class,
                    () -> source(host).fetch(host.url("/gone.png"))).getMessage());
        }
    }

    @Test
    void aHostNotAllowedOrOnAPrivateAddressIsNeverConnectedTo() throws Exception {
        try (ImageHost host = ImageHost.start()) {
            List<String> resolved = new ArrayList<>();
            // an allowed name that resolves to the metadata service's link-local address
            var rules = new ImageRules(ImageOrigins.parse(host.origin() + ", https://*.byteimg.com"), MAX);
            var source = new HttpImageSource(rules, Duration.ofSeconds(5), name -> {
                resolved.add(name);
                return List.of(InetAddress.getByName("169.254.169.254"));
            });
            assertEquals("address not public: 169.254.169.254", assertThrows(ImageRefusedException.class,
                    () -> source.fetch(URI.create("https://p6.byteimg.com/x.png"))).getMessage());
            assertEquals("host not allowed: http://169.254.169.254", assertThrows(ImageRefusedException.class,
                    () -> source.fetch(URI.create("http://169.254.169.254/latest/meta-data/"))).getMessage());
            assertEquals("host not allowed: http://localhost:" + host.url("/").getPort(),
                    assertThrows(ImageRefusedException.class, () -> source.fetch(
                            URI.create("http://localhost:" + host.url("/").getPort() + "/shot.png"))).getMessage());
            assertEquals(List.of("p6.byteimg.com"), resolved);
            assertEquals(List.of(), host.asked());
        }
    }

    private static HttpImageSource source(ImageHost host) {
        return new HttpImageSource(new ImageRules(ImageOrigins.parse(host.origin()), MAX), Duration.ofSeconds(10));
    }
}
