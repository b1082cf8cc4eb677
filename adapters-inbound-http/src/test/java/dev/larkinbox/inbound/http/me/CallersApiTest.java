package dev.larkinbox.inbound.http.me;

import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.TestServer.ENCRYPT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.PersonalToken;
import dev.larkinbox.domain.person.PersonalTokens;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.person.SecretHash;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who calls the API: the API token's holder or the owner of a personal token, with their role; nobody else. */
class CallersApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.secured();

    @Test
    void theApiTokenIsTheAdminApiToken() {
        JsonObject me = server.get("/api/me").json();

        assertEquals("api-token", me.get("open_id").getAsString());
        assertEquals("inbox", me.get("name").getAsString());
        assertEquals("admin", me.get("role").getAsString());
    }

    @Test
    void aPersonalTokenActsAsItsOwnerAndXInboxActorChangesNothing() {
        Person mia = person("Mia", Role.MEMBER);
        String token = tokenOf(mia, null);
        String id = deliver();

        JsonObject me = server.get("/api/me", "Bearer " + token).json();
        Reply changed = server.patch("/api/feedback/" + id, "{\"status\":\"acknowledged\"}",
                Map.of("Authorization", "Bearer " + token, "X-Inbox-Actor", "mallory"));

        assertEquals(mia.openId(), me.get("open_id").getAsString());
        assertEquals("Mia", me.get("name").getAsString());
        assertEquals("member", me.get("role").getAsString());
        assertEquals(200, changed.status(), changed.body());
        JsonObject entry = server.get("/api/feedback/" + id + "/history").items().get(0);
        assertEquals(mia.openId(), entry.get("actor").getAsString());
        assertEquals("Mia", entry.get("actor_name").getAsString());
        assertEquals("lark_user", entry.get("actor_kind").getAsString());
    }

    @Test
    void aReplyByAPersonalTokenNamesItsAuthorAsHistoryNamesItsActor() {
        Person mia = person("Mia", Role.MEMBER);
        String token = tokenOf(mia, null);
        String id = deliver();

        Reply replied = server.send(server.builder("/api/feedback/" + id + "/replies", Map.of("Authorization",
                "Bearer " + token, "Content-Type", "application/json"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"On it\"}")).build());

        assertEquals(202, replied.status(), replied.body());
        assertEquals(mia.openId(), replied.json().get("author").getAsString());
        assertEquals("Mia", replied.json().get("author_name").getAsString());
        JsonObject listed = server.get("/api/feedback/" + id + "/replies").items().get(0);
        assertEquals(mia.openId(), listed.get("author").getAsString());
        assertEquals("Mia", listed.get("author_name").getAsString());
    }

    @Test
    void aViewersTokenReadsOnlyAndAMembersCannotMergeNorRecover() {
        String viewer = tokenOf(person("Vic", Role.VIEWER), null);
        String member = tokenOf(person("Mo", Role.MEMBER), null);
        String id = deliver();

        assertEquals(200, server.get("/api/feedback/" + id, "Bearer " + viewer).status());
        assertError(server.patch("/api/feedback/" + id, "{\"status\":\"acknowledged\"}",
                Map.of("Authorization", "Bearer " + viewer)), 403, "not-allowed");
        assertError(server.send(server.builder("/api/problems/1/merge", Map.of("Authorization", "Bearer " + member,
                "Content-Type", "application/json")).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"into\":\"2\"}")).build()), 403, "not-allowed");
        assertError(server.send(server.builder("/api/recovery", Map.of("Authorization", "Bearer " + member))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()), 403, "not-allowed");
        assertEquals(1, server.get("/api/feedback/" + id).json().get("version").getAsLong(), "nothing changed");
    }

    @Test
    void aRevokedOrExpiredTokenIsRefusedAtOnce() {
        Person ana = person("Ana", Role.ADMIN);
        String token = tokenOf(ana, null);
        String expired = tokenOf(ana, Instant.now().minusSeconds(1));
        assertEquals(200, server.get("/api/me", "Bearer " + token).status());

        PersonalToken listed = tokens().of(ana.openId()).stream().filter(t -> t.expiresAt() == null).findFirst()
                .orElseThrow();
        tokens().revoke(listed.id(), ana.openId());

        assertError(server.get("/api/me", "Bearer " + token), 401, "wrong-api-token");
        assertError(server.get("/api/me", "Bearer " + expired), 401, "wrong-api-token");
    }

    private static Person person(String name, Role role) {
        return server.bean(People.class).save(new Person(uniqueId("ou_"), name, null, role));
    }

    private static String tokenOf(Person person, Instant expiresAt) {
        String token = "inbox_" + SecretHash.newSecret();
        tokens().create(SecretHash.of(token), person.openId(), "test", Instant.now().minusSeconds(60), expiresAt);
        return token;
    }

    private static PersonalTokens tokens() {
        return server.bean(PersonalTokens.class);
    }

    private static String deliver() {
        String feedbackId = uniqueId("fb_");
        Reply reply = server.webhook(LarkWire.signed(LarkEvents.feedback(uniqueId("ev_"), feedbackId,
                uniqueId("cli_"), LarkEvents.FAULT, 5), ENCRYPT_KEY));
        assertEquals(200, reply.status(), reply.body());
        return feedbackId;
    }
}
