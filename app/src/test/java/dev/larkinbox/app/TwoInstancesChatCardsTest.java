package dev.larkinbox.app;

import static dev.larkinbox.app.ChatCardsEndToEndTest.crashEvent;
import static dev.larkinbox.app.ChatCardsEndToEndTest.webhook;
import static dev.larkinbox.app.WorkTheInboxTest.APP;
import static dev.larkinbox.app.WorkTheInboxTest.SECRET;
import static dev.larkinbox.app.WorkTheInboxTest.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.PostedCard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances of the service on one database share the card outbox: every card is sent once, by one of them. */
class TwoInstancesChatCardsTest {
    private static final int CARDS = 20;

    @Test
    void twoInstancesOnOneDatabaseNeverPostACardTwice(@TempDir Path one, @TempDir Path two) throws Exception {
        try (RestartablePostgres database = RestartablePostgres.start();
             LarkStandIn lark = LarkStandIn.start(APP, SECRET, 10);
             RunningInbox first = RunningInbox.start(config(one, lark, database));
             RunningInbox second = RunningInbox.start(config(two, lark, database))) {
            List<String> crashes = new ArrayList<>();
            for (int i = 0; i < CARDS; i++) {
                String crash = uid();
                crashes.add(crash);
                assertEquals(200, webhook((i % 2 == 0 ? first : second).uri(), crashEvent(crash)).statusCode());
            }

            // twenty reports of one crash at once are a spike of its problem: one card more, also sent once
            LarkStandIn.await("every card in the chat", Duration.ofSeconds(60),
                    () -> lark.postedCards().size() == CARDS + 1);
            // both workers poll every 100 ms: a card claimed twice would show as a second request by now
            Thread.sleep(1000);

            assertEquals(CARDS + 1, lark.calls("message"), "each card was sent once, by one instance");
            Predicate<String> spike = json -> json.contains(" spike: ");
            assertEquals(1, lark.postedCards().stream().map(c -> c.card().toString()).filter(spike).count());
            Set<String> posted = lark.postedCards().stream().map(PostedCard::card).map(Object::toString)
                    .filter(spike.negate())
                    .map(json -> crashes.stream().filter(json::contains).findFirst().orElseThrow())
                    .collect(Collectors.toSet());
            assertEquals(Set.copyOf(crashes), posted);
        }
    }

    private static Map<String, Object> config(Path dataDir, LarkStandIn lark, RestartablePostgres database) {
        Map<String, Object> config = ChatCardsEndToEndTest.config(dataDir, lark);
        config.putAll(database.datasource());
        return config;
    }
}
