package dev.larkinbox.inbound.ws;

import static dev.larkinbox.inbound.ws.Clients.WAIT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.ws.gateway.Await;
import dev.larkinbox.inbound.ws.gateway.LarkGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Each test: a fresh stand-in gateway, an in-memory inbox, and the client under test between them. */
abstract class ClientAgainstGateway {
    LarkGateway gateway;
    Inbox inbox;
    LarkLongConnection client;

    @BeforeEach
    void startGateway() {
        gateway = LarkGateway.start(Clients.APP_ID, Clients.SECRET);
        inbox = new Inbox();
    }

    @AfterEach
    void stopAll() {
        if (client != null) {
            client.close();
        }
        gateway.close();
    }

    void start(LongConnectionConfig config) {
        start(config, inbox.sink());
    }

    void start(LongConnectionConfig config, EventSink sink) {
        client = new LarkLongConnection(config, sink);
        client.start();
    }

    void connect(LongConnectionConfig config) {
        connect(config, inbox.sink());
    }

    void connect(LongConnectionConfig config, EventSink sink) {
        start(config, sink);
        // the stand-in counts the connection too, so a fault it injects next reaches it
        assertTrue(Await.until(WAIT, () -> client.status().connected() && gateway.openConnections() >= 1),
                () -> "not connected: " + client.status() + "; " + gateway.summary());
    }
}
