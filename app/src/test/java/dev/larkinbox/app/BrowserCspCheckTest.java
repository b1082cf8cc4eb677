package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * The browser tests' check for Content Security Policy violations, proved on a page of its own: a policy that
 * forbids inline script, and a page that has one. Without this, a check that never sees the console would pass.
 */
@ExtendWith(ChromiumAvailable.class)
class BrowserCspCheckTest {
    private static final String PAGE = "<!DOCTYPE html><html><head><title>before</title></head>"
            + "<body><h1>Inline script</h1><script>document.title = 'ran';</script></body></html>";

    private static HttpServer pages;
    private static String base;

    @BeforeAll
    static void serve() throws IOException {
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/with-policy", exchange -> answer(exchange, "default-src 'self'"));
        pages.createContext("/without-policy", exchange -> answer(exchange, null));
        pages.start();
        base = "http://127.0.0.1:" + pages.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        pages.stop(0);
    }

    @Test
    void anInlineScriptThePolicyRefusesFailsTheTestWhenTheBrowserCloses() {
        Browser browser = new Browser(base);
        browser.open("/with-policy");
        browser.awaitHeading("Inline script");
        assertEquals("before", browser.driver().getTitle(), "the policy kept the script from running");

        AssertionFailedError failure = assertThrows(AssertionFailedError.class, browser::close);

        assertTrue(failure.getMessage().contains(Browser.CSP), failure.getMessage());
    }

    @Test
    void aPageWithoutAPolicyRunsItsScriptAndPasses() {
        try (Browser browser = new Browser(base)) {
            browser.open("/without-policy");
            browser.awaitHeading("Inline script");
            assertEquals("ran", browser.driver().getTitle());
        }
    }

    private static void answer(HttpExchange exchange, String policy) throws IOException {
        byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        if (policy != null) {
            exchange.getResponseHeaders().set("Content-Security-Policy", policy);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
