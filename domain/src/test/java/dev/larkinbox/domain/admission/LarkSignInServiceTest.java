package dev.larkinbox.domain.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.testing.InMemoryPeople;
import dev.larkinbox.domain.testing.InMemorySignInAttempts;
import dev.larkinbox.domain.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Signing in with Lark, over a Lark that answers as told: the state, the browser, the verifier and the rules. */
class LarkSignInServiceTest {
    private static final String CHAT = "oc_team";
    private static final String WANG = "ou_wang";

    private final InMemoryPeople people = new InMemoryPeople();
    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T06:00:00Z"));
    private final FakeLark lark = new FakeLark();
    private final LarkSignInService service = new LarkSignInService(new InMemorySignInAttempts(), lark, people,
            new AccessRules(CHAT, Set.of(), Set.of("ou_boss"), Role.MEMBER), Duration.ofMinutes(10), clock);

    @Test
    void aChatMemberSignsInWithTheDefaultRoleAndIsSavedByName() {
        lark.members.add(WANG);
        SignInStart start = service.begin("/feedback/fb-1");

        SignInOutcome outcome = service.finish(new FinishSignInCommand(lark.state(start), start.browserSecret(),
                "code-1", null));

        assertEquals(new Person(WANG, "王小明", "https://example.com/a.png", Role.MEMBER), outcome.person());
        assertEquals("/feedback/fb-1", outcome.returnTo());
        assertEquals(outcome.person(), people.find(WANG).orElseThrow());
        assertEquals(LarkSignInService.sha256(lark.verifiers.get(0)), lark.challenge(start),
                "Lark gets the verifier of the challenge the browser carried");
    }

    @Test
    void theSameStateTwiceSignsNobodyInTheSecondTime() {
        lark.members.add(WANG);
        SignInStart start = service.begin("/");
        FinishSignInCommand back = new FinishSignInCommand(lark.state(start), start.browserSecret(), "code-1", null);
        service.finish(back);

        assertEquals(Refusal.BAD_STATE, service.finish(back).refusal());
    }

    @Test
    void aStateBackInAnotherBrowserSignsNobodyIn() {
        lark.members.add(WANG);
        SignInStart start = service.begin("/");

        assertEquals(Refusal.BAD_STATE, service.finish(new FinishSignInCommand(lark.state(start),
                service.begin("/").browserSecret(), "code-1", null)).refusal());
        assertEquals(Refusal.BAD_STATE, service.finish(new FinishSignInCommand("forged", start.browserSecret(),
                "code-1", null)).refusal());
        assertTrue(lark.verifiers.isEmpty(), "no code was exchanged");
    }

    @Test
    void anAttemptOlderThanItsLifetimeSignsNobodyIn() {
        lark.members.add(WANG);
        SignInStart start = service.begin("/");
        clock.advance(Duration.ofMinutes(11));

        assertEquals(Refusal.BAD_STATE, service.finish(new FinishSignInCommand(lark.state(start),
                start.browserSecret(), "code-1", null)).refusal());
    }

    @Test
    void aPersonWhoCancelsAtLarkIsToldSo() {
        SignInStart start = service.begin("/");

        assertEquals(Refusal.CANCELLED, service.finish(new FinishSignInCommand(lark.state(start),
                start.browserSecret(), null, "access_denied")).refusal());
    }

    @Test
    void someoneOutsideTheChatIsRefusedAndNotSaved() {
        SignInStart start = service.begin("/");

        assertEquals(Refusal.NOT_LET_IN, service.finish(new FinishSignInCommand(lark.state(start),
                start.browserSecret(), "code-1", null)).refusal());
        assertTrue(people.find(WANG).isEmpty());
    }

    @Test
    void anAdminComesInWithoutTheChatBeingAsked() {
        lark.who = "ou_boss";
        SignInStart start = service.begin("/");

        Person boss = service.finish(new FinishSignInCommand(lark.state(start), start.browserSecret(), "code-1",
                null)).person();

        assertEquals(Role.ADMIN, boss.role());
        assertEquals(0, lark.chatQuestions);
    }

    @Test
    void larksRefusalsEachHaveTheirOwnReason() {
        lark.refusal = new LarkRefusedException(20010, "outside the availability");
        SignInStart outside = service.begin("/");
        assertEquals(Refusal.OUTSIDE_AVAILABILITY, service.finish(new FinishSignInCommand(lark.state(outside),
                outside.browserSecret(), "code-1", null)).refusal());

        lark.refusal = new LarkRefusedException(20003, "the code is used");
        SignInStart used = service.begin("/");
        assertEquals(Refusal.LARK_REFUSED, service.finish(new FinishSignInCommand(lark.state(used),
                used.browserSecret(), "code-1", null)).refusal());

        lark.refusal = new LarkUnavailableException("down", null);
        SignInStart down = service.begin("/");
        assertEquals(Refusal.LARK_UNAVAILABLE, service.finish(new FinishSignInCommand(lark.state(down),
                down.browserSecret(), "code-1", null)).refusal());
    }

    @Test
    void anAvatarThatIsNotHttpsIsLeftOut() {
        lark.members.add(WANG);
        lark.avatar = "http://example.com/a.png";
        SignInStart start = service.begin("/");

        assertNull(service.finish(new FinishSignInCommand(lark.state(start), start.browserSecret(), "code-1", null))
                .person().avatarUrl());
    }

    @Test
    void aCommandWithNothingUsableIsCancelledAndNamesNoState() {
        FinishSignInCommand empty = new FinishSignInCommand(" ", null, "", null);

        assertTrue(empty.cancelled());
        assertNull(empty.state());
        assertFalse(new FinishSignInCommand("s", "b", "c", null).cancelled());
    }

    /** Lark as the service sees it: the authorize page's query, a code exchange that keeps the verifier. */
    private static final class FakeLark implements LarkAccounts {
        final List<String> verifiers = new ArrayList<>();
        final Set<String> members = new HashSet<>();
        String who = WANG;
        String avatar = "https://example.com/a.png";
        RuntimeException refusal;
        int chatQuestions;

        @Override
        public URI authorizePage(String state, String codeChallenge) {
            return URI.create("https://accounts.example.com/authorize?state=" + state + "&code_challenge="
                    + codeChallenge);
        }

        @Override
        public String exchange(String code, String codeVerifier) {
            if (refusal != null) {
                throw refusal;
            }
            verifiers.add(codeVerifier);
            return "u-token";
        }

        @Override
        public LarkIdentity identify(String userToken) {
            return new LarkIdentity(who, "on_x", "王小明", avatar);
        }

        @Override
        public boolean inChat(String userToken, String chatId) {
            chatQuestions++;
            return CHAT.equals(chatId) && members.contains(who);
        }

        String state(SignInStart start) {
            return query(start).get("state");
        }

        String challenge(SignInStart start) {
            return query(start).get("code_challenge");
        }

        private static Map<String, String> query(SignInStart start) {
            Map<String, String> query = new HashMap<>();
            for (String pair : start.authorizePage().getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts[1]);
            }
            return query;
        }
    }
}
