package dev.larkinbox.app;

import static dev.larkinbox.app.ProblemReports.deliver;
import static dev.larkinbox.app.ProblemReports.moveTo;
import static dev.larkinbox.app.ProblemReports.problemOf;
import static dev.larkinbox.app.WorkTheInboxTest.APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.PostedCard;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Problems' chat cards from outside: the whole service on its embedded PostgreSQL with the grouping job, Lark's side
 * the stand-in open API. A spike is announced by one card however often the job assesses it, and a regression by
 * another.
 */
@ExtendWith(SharedInbox.class)
class ProblemsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aBurstIsOneSpikeCardAndAReportAfterResolvingIsARegressionCard() {
        LarkStandIn lark = SharedInbox.lark();
        RunningInbox inbox = SharedInbox.inbox();
        InboxApi api = new InboxApi(inbox.uri());
        for (int i = 0; i < 6; i++) {
            deliver(inbox.uri(), ProblemReports.slowCart(APP, "e2e-cart-" + i, i));
        }
        Predicate<PostedCard> spike = c -> c.card().toString().contains("P1 spike: slow_page_load");
        LarkStandIn.await("the spike's card", WAIT, () -> lark.postedCards().stream().anyMatch(spike));
        String problem = problemOf(api, "e2e-cart-0");
        String card = lark.postedCards().stream().filter(spike).findFirst().orElseThrow().card().toString();
        assertTrue(card.matches(".*[56] from [56] tenants.*"), card);
        assertTrue(card.contains("https://inbox.example.com/problems/" + problem), card);
        assertTrue(card.contains("购物车页面加载很慢"), card);

        for (String status : List.of("acknowledged", "in_progress", "resolved")) {
            moveTo(api, problem, status);
        }
        deliver(inbox.uri(), ProblemReports.slowCart(APP, "e2e-cart-6", 6));
        Predicate<PostedCard> regression = c -> c.card().toString().contains("regression: slow_page_load");
        LarkStandIn.await("the regression's card", WAIT, () -> lark.postedCards().stream().anyMatch(regression));
        // once a later report is grouped and its card posted, the spike has been assessed again since
        deliver(inbox.uri(), ProblemReports.paymentCrash(APP, "e2e-pay-0", 0));
        LarkStandIn.await("the later report grouped", WAIT, () -> problemOf(api, "e2e-pay-0") != null);
        LarkStandIn.await("the later report's card", WAIT, () -> lark.postedCards().stream()
                .anyMatch(c -> c.card().toString().contains("e2e-pay-0")));

        assertEquals(1, lark.postedCards().stream().filter(spike).count());
        assertEquals(1, lark.postedCards().stream().filter(regression).count());
        assertTrue(lark.postedCards().stream().filter(regression).findFirst().orElseThrow().card().toString()
                .contains("reported again after it was resolved"));
    }
}
