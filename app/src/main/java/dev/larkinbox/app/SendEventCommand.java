package dev.larkinbox.app;

import dev.larkinbox.inbound.http.webhook.LarkWebhookRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar lark-app-inbox.jar send-event FILE [--url URL] [--encrypt-key KEY]}: posts a Lark event to a
 * webhook as Lark does, encrypted and signed when a key is given, and prints the answer. For trying the service
 * without a Lark app; the event's verification token is the one in its JSON.
 */
final class SendEventCommand {
    static final String NAME = "send-event";
    static final String DEFAULT_URL = "http://localhost:8080/webhook/event";
    private static final String USAGE = "usage: java -jar lark-app-inbox.jar " + NAME
            + " FILE [--url URL (default " + DEFAULT_URL + ")] [--encrypt-key KEY]";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SendEventCommand() {
    }

    /**
     * @return the exit status: 0 when the webhook answered 2xx (or {@code --help} was asked), 1 when it did not or
     * nothing answered, 2 for a wrong command line
     */
    static int run(List<String> args, PrintStream out) {
        if (args.contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        String file = null;
        String url = DEFAULT_URL;
        String encryptKey = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--url") || arg.equals("--encrypt-key")) && i + 1 < args.size()) {
                if (arg.equals("--url")) {
                    url = args.get(++i);
                } else {
                    encryptKey = args.get(++i);
                }
            } else if (!arg.startsWith("--") && file == null) {
                file = arg;
            } else {
                out.println(USAGE);
                return InboxApplication.CONFIGURATION_ERROR;
            }
        }
        if (file == null) {
            out.println(USAGE);
            return InboxApplication.CONFIGURATION_ERROR;
        }
        String json;
        URI to;
        try {
            json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            to = URI.create(url);
        } catch (IOException | IllegalArgumentException e) {
            out.println("not sent: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            out.println(USAGE);
            return InboxApplication.CONFIGURATION_ERROR;
        }
        try {
            LarkWebhookRequest request = encryptKey == null ? LarkWebhookRequest.plain(json)
                    : LarkWebhookRequest.signed(json, encryptKey);
            HttpRequest.Builder post = HttpRequest.newBuilder(to).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(post::header);
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
                    .send(post.build(), HttpResponse.BodyHandlers.ofString());
            out.println(response.statusCode() + " " + response.body());
            return response.statusCode() / 100 == 2 ? 0 : 1;
        } catch (ConnectException e) {
            // its message is often null: the URL is what the user can act on
            out.println("not sent: nothing answers at " + to + " (is the inbox running there? --url names another)");
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            out.println("not sent to " + to + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
