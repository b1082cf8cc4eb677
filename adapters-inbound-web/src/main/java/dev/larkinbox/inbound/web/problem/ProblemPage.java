package dev.larkinbox.inbound.web.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.problem.BrowseProblems;
import dev.larkinbox.domain.problem.FindLikelyDuplicates;
import dev.larkinbox.domain.problem.FindLikelyDuplicatesQuery;
import dev.larkinbox.domain.problem.MergeProblems;
import dev.larkinbox.domain.problem.MergeProblemsCommand;
import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.domain.problem.ProblemNotFoundException;
import dev.larkinbox.domain.problem.WorkProblem;
import dev.larkinbox.domain.problem.WorkProblemCommand;
import dev.larkinbox.domain.problem.WorkedProblem;
import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.BrowseVersions;
import dev.larkinbox.domain.workflow.ImpossibleTransitionException;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.AdminOnly;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.access.Session;
import dev.larkinbox.inbound.web.access.SignedIn;
import dev.larkinbox.inbound.web.inbox.FeedbackSummary;
import dev.larkinbox.inbound.web.language.Labels;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One problem: what its reports share, why they were grouped, its feedback, and the controls to work or merge it. */
@Controller("/problems")
@NeedsSession
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProblemPage {
    private static final int PAGE_SIZE = 50;
    /** Likely duplicates offered at most: a person reads the few most alike. */
    private static final int DUPLICATES = 5;

    private final BrowseProblems problems;
    private final WorkProblem work;
    private final MergeProblems merge;
    private final BrowseVersions versions;
    private final FindLikelyDuplicates duplicates;
    private final People people;

    ProblemPage(BrowseProblems problems, WorkProblem work, MergeProblems merge, BrowseVersions versions,
                FindLikelyDuplicates duplicates, People people) {
        this.people = people;
        this.problems = problems;
        this.work = work;
        this.merge = merge;
        this.versions = versions;
        this.duplicates = duplicates;
    }

    @Get("/{id}")
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String cursor,
                                @Nullable @QueryValue String merged) {
        String gone = Pages.given(merged);
        // said only of a problem that is gone indeed: a link cannot make the page claim a merge that did not happen
        String message = gone == null || problems.find(gone).isPresent() ? null
                : Reader.of(request).text("problem.merged", gone);
        return page(request, id, cursor, message, null);
    }

    /** Moves each of the problem's open feedback to the status, each through the workflow with its history. */
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> move(HttpRequest<?> request, @PathVariable String id, @Nullable String csrf,
                                @Nullable String status, @Nullable String note) {
        Session session = SignedIn.posted(request, csrf);
        Reader reader = Reader.of(request);
        FeedbackStatus to;
        try {
            to = FeedbackStatus.fromLabel(String.valueOf(status));
        } catch (IllegalArgumentException e) {
            return page(request, id, null, null, reader.text("problem.not-moved.status"));
        }
        WorkedProblem worked;
        try {
            worked = work.work(new WorkProblemCommand(id, to, note == null || note.isBlank() ? null : note.strip(),
                    session.actor()));
        } catch (IllegalArgumentException e) {
            // the command's messages name the rule, never what a user wrote
            return page(request, id, null, null, reader.text("problem.not-moved", reader.text(e)));
        } catch (ImpossibleTransitionException e) {
            return page(request, id, null, null,
                    reader.text("problem.not-moved", reader.text(e.transition().reason())));
        } catch (ProblemNotFoundException e) {
            return Pages.notFound(request, "problems", "problem");
        }
        String message = reader.text("problem.moved", worked.moved().size(), reader.text("status." + to.label()));
        if (!worked.unchanged().isEmpty()) {
            message += " " + reader.text("problem.moved.unchanged", worked.unchanged().size());
        }
        return page(request, id, null, message, null);
    }

    /** This problem's feedback moves into the other, whose page the person is taken to. */
    @Post("/{id}/merge")
    @AdminOnly
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> merge(HttpRequest<?> request, @PathVariable String id, @Nullable String csrf,
                                 @Nullable String into) {
        Session session = SignedIn.posted(request, csrf);
        Reader reader = Reader.of(request);
        String target = Pages.given(into);
        if (target == null) {
            return page(request, id, null, null, reader.text("problem.not-merged.into"));
        }
        Problem merged;
        try {
            merged = merge.merge(new MergeProblemsCommand(id, target, session.actor()));
        } catch (IllegalArgumentException e) {
            return page(request, id, null, null, reader.text("problem.not-merged", reader.text(e)));
        } catch (ProblemNotFoundException e) {
            if (problems.find(id).isEmpty()) {
                return Pages.notFound(request, "problems", "problem");
            }
            return page(request, id, null, null, reader.text("problem.not-merged.none", target));
        }
        return HttpResponse.seeOther(URI.create(path(merged.problemId()) + "?merged="
                + URLEncoder.encode(id, StandardCharsets.UTF_8)));
    }

    /**
     * A move or merge refused is answered 200 with the page and the reason: it is the page a person reads, and the
     * JSON API answers such refusals with their own codes.
     */
    private HttpResponse<?> page(HttpRequest<?> request, String id, @Nullable String cursor, @Nullable String message,
                                 @Nullable String error) {
        Problem problem = problems.find(id).orElse(null);
        if (problem == null) {
            return Pages.notFound(request, "problems", "problem");
        }
        List<String> refused = new ArrayList<>();
        Reader reader = Reader.of(request);
        Page<TriagedFeedback> members;
        try {
            members = Pages.page(at -> problems.feedback(id, at), PAGE_SIZE, cursor, "problem.this",
                    refused, reader);
        } catch (ProblemNotFoundException e) {
            return Pages.notFound(request, "problems", "problem"); // merged away meanwhile
        }
        Map<String, Object> model = Pages.model(request, "problems");
        // the page's own address for the language switch, also when it answers a form posted elsewhere (a merge)
        model.put("here", path(id));
        model.put("problem", ProblemLine.of(problem, reader));
        model.put("fields", fields(problem, reader));
        model.put("members", FeedbackSummary.of(members.items(), people));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("cursor", members.nextCursor());
        model.put("nextPage", members.nextCursor() == null ? null : Pages.link(path(id), params));
        model.put("firstPage", cursor == null ? null : path(id));
        model.put("errors", refused);
        model.put("duplicates", duplicates.find(new FindLikelyDuplicatesQuery(id, DUPLICATES)));
        // nothing leads back to new: the statuses a problem can be moved to
        model.put("statuses", Arrays.stream(FeedbackStatus.values()).filter(s -> s != FeedbackStatus.NEW)
                .map(FeedbackStatus::label).toList());
        if (message != null) {
            model.put("message", message);
        }
        if (error != null) {
            model.put("error", error);
        }
        return HttpResponse.ok(new ModelAndView<>("problem", model));
    }

    /**
     * What its reports share, by its name's key in the bundles ({@code field.<key>}), and the app's newest version
     * when it was first seen (the release it may have come with); empty ones show as "—".
     */
    private Map<String, String> fields(Problem p, Reader reader) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("app", p.key().appId());
        fields.put("type", reader.text("type." + p.key().type().label()));
        fields.put("fault-kinds", p.key().faultKinds().stream().map(k -> Labels.faultKind(k, reader)).sorted()
                .collect(Collectors.joining(reader.text("list.separator"))));
        fields.put("path", p.key().path());
        fields.put("reports", Long.toString(p.count()));
        fields.put("tenants", Integer.toString(p.tenants()));
        fields.put("first-seen", reader.exact(p.firstSeen()));
        fields.put("last-seen", reader.exact(p.lastSeen()));
        fields.put("newest-version", p.key().appId() == null ? null
                : versions.newestAt(p.key().appId(), p.firstSeen()).map(ProblemPage::name).orElse(null));
        fields.replaceAll((name, value) -> value == null || value.isBlank() ? "—" : value);
        return fields;
    }

    /** Its name when an event gave one; a revocation gives only the id. */
    private static String name(AppVersion version) {
        return version.version() == null ? version.versionId() : version.version();
    }

    private static String path(String problemId) {
        return "/problems/" + URLEncoder.encode(problemId, StandardCharsets.UTF_8);
    }
}
