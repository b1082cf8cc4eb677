package dev.larkinbox.domain.card;

import dev.larkinbox.domain.platform.LarkUnavailableException;
import java.util.ArrayList;
import java.util.List;

/** A chat that keeps what it was sent, and can be unreachable. */
final class RecordingChat implements LarkChat {
    /** One call as the chat received it: a post (no message id given) or an update. */
    record Sent(String messageId, FeedbackCard card) {
    }

    final List<Sent> posts = new ArrayList<>();
    final List<Sent> updates = new ArrayList<>();
    final List<DailyDigest> digests = new ArrayList<>();
    final List<ProblemCard> problems = new ArrayList<>();
    boolean down;

    @Override
    public String post(FeedbackCard card) {
        reachable();
        String messageId = "om_" + (posts.size() + 1);
        posts.add(new Sent(messageId, card));
        return messageId;
    }

    @Override
    public void update(String messageId, FeedbackCard card) {
        reachable();
        updates.add(new Sent(messageId, card));
    }

    @Override
    public String postProblem(ProblemCard card) {
        reachable();
        problems.add(card);
        return "om_problem_" + problems.size();
    }

    @Override
    public String postDigest(DailyDigest digest) {
        reachable();
        digests.add(digest);
        return "om_digest_" + digests.size();
    }

    private void reachable() {
        if (down) {
            throw new LarkUnavailableException("connection refused", null);
        }
    }
}
