package dev.setlist.plugin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.auth.Principal;
import dev.setlist.plugin.rulebook.RuleWorkbench;
import dev.setlist.rules.PublishResult;
import dev.setlist.rules.RuleBookStatus;
import dev.setlist.rules.RuleFile;
import dev.setlist.rules.RuleProblem;
import dev.setlist.rules.RuleVersion;
import dev.setlist.rules.scenario.Check;
import dev.setlist.rules.scenario.ScenarioReport;
import dev.setlist.rules.scenario.ScenarioResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The rule editor's API: the live rule book's files, drafts checked, tested and compared without going live,
 * publishing, history and rollback. Admin key only (403 for a person's token).
 *
 * <ul>
 *   <li>{@code GET /api/rules}: the book serving ({@code status}: version, since, last problems) and its
 *       {@code files}: every shipped pack and published curator file ({@code path, format, shipped, curator,
 *       lines}).</li>
 *   <li>{@code GET /api/rules/files/{path}}: the text in force for a path ({@code text}; {@code shippedText}
 *       when a shipped pack has that path). 404 for no such file.</li>
 *   <li>{@code POST /api/rules/check}, body a draft {@code {"files": [{"path", "text"}], "deleted": [path]}}
 *       laid over the published curator files: {@code {"ok", "problems": [{"file", "line", "column",
 *       "message"}], "rules", "millis"}}. Nothing goes live.</li>
 *   <li>{@code POST /api/rules/test}, a draft: the shipped scenario files (and those in the rules folder)
 *       run on it: {@code {"passed", "summary", "problems", "fileErrors", "results": [{"name", "file",
 *       "passed", "checks", "firedRules"}]}}. Nothing goes live.</li>
 *   <li>{@code POST /api/rules/diff}, a draft: each file it touches against the text in force, line by line.</li>
 *   <li>{@code POST /api/rules/publish}, a draft with an optional {@code message}: 200 {@code {"version",
 *       "status"}} once live; 422 {@code {"status", "error", "problems"}} when refused (the book serving stays).</li>
 *   <li>{@code GET /api/rules/history}: every published version, newest first, with {@code serving}.</li>
 *   <li>{@code GET /api/rules/history/{number}}: that version and its files' texts. 404 for none.</li>
 *   <li>{@code POST /api/rules/history/{number}/rollback}: publishes that version's files again as the next
 *       version; answers like publish. 404 for none.</li>
 * </ul>
 * A malformed body, or a path that is not a rule file's ({@code .drl}, {@code .dslr}, {@code .dsl},
 * {@code .drl.csv}; relative, {@code /} separators), is a 400 naming the field.
 */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
public final class RulesResource {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** One file of a draft. */
    public record DraftFile(String path, String text) {
    }

    /** A draft as sent: files written, curator files deleted, and for publishing a message. */
    public record DraftBody(List<DraftFile> files, List<String> deleted, String message) {
    }

    /** The book serving and its files. */
    public record Overview(StatusView status, List<RuleWorkbench.FileEntry> files) {
    }

    /** The live book's state, as the editor shows it. */
    public record StatusView(String version, java.time.Instant servingSince, java.time.Instant lastAttempt,
                             List<RuleProblem> lastProblems, long rebuilds, long refusals) {
        static StatusView of(RuleBookStatus status) {
            return new StatusView(status.version(), status.servingSince(), status.lastAttempt(),
                    status.lastProblems(), status.rebuilds(), status.refusals());
        }
    }

    /** A scenario run on a draft. */
    public record TestView(boolean passed, String summary, List<RuleProblem> problems, List<String> fileErrors,
                           List<ResultView> results) {
        static TestView of(ScenarioReport report) {
            return new TestView(report.passed(), report.summary(), report.problems(), report.fileErrors(),
                    report.results().stream().map(ResultView::of).toList());
        }
    }

    /** One scenario's result. */
    public record ResultView(String name, String file, boolean passed, List<Check> checks, List<String> firedRules) {
        static ResultView of(ScenarioResult result) {
            return new ResultView(result.name(), result.file(), result.passed(), result.checks(), result.firedRules());
        }
    }

    /** A published version, and whether it is the one serving. */
    public record VersionView(int number, String label, String author, java.time.Instant time, String message,
                              String digest, int files, boolean serving) {
        static VersionView of(RuleVersion version, String serving) {
            return new VersionView(version.number(), version.label(), version.author(), version.time(),
                    version.message(), version.digest(), version.files(), version.label().equals(serving));
        }
    }

    private final RuleWorkbench bench;
    private final ObjectMapper json;

    public RulesResource(RuleWorkbench bench, ObjectMapper json) {
        this.bench = bench;
        this.json = json;
    }

    @GET
    public Overview overview(@Context SecurityContext security) {
        Access.requireAdmin(security);
        return new Overview(StatusView.of(bench.status()), bench.files());
    }

    @GET
    @Path("files/{path: .+}")
    public Response file(@PathParam("path") String path, @Context SecurityContext security) {
        Access.requireAdmin(security);
        return bench.text(path).map(text -> Response.ok(text).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "no rule file " + path));
    }

    @POST
    @Path("check")
    @Consumes(MediaType.WILDCARD)
    public Response check(InputStream input, @Context SecurityContext security) throws IOException {
        Access.requireAdmin(security);
        return withDraft(input, (draft, body) -> Response.ok(bench.check(draft)).build());
    }

    @POST
    @Path("test")
    @Consumes(MediaType.WILDCARD)
    public Response test(InputStream input, @Context SecurityContext security) throws IOException {
        Access.requireAdmin(security);
        return withDraft(input, (draft, body) -> Response.ok(TestView.of(bench.test(draft))).build());
    }

    @POST
    @Path("diff")
    @Consumes(MediaType.WILDCARD)
    public Response diff(InputStream input, @Context SecurityContext security) throws IOException {
        Access.requireAdmin(security);
        return withDraft(input, (draft, body) -> Response.ok(Map.of("files", bench.diff(draft))).build());
    }

    @POST
    @Path("publish")
    @Consumes(MediaType.WILDCARD)
    public Response publish(InputStream input, @Context SecurityContext security) throws IOException {
        Access.requireAdmin(security);
        String author = author(security);
        return withDraft(input, (draft, body) -> {
            String message = body.message() == null || body.message().isBlank()
                    ? "published from the rule editor" : body.message().strip();
            return published(bench.publish(draft, author, message));
        });
    }

    @GET
    @Path("history")
    public List<VersionView> history(@Context SecurityContext security) {
        Access.requireAdmin(security);
        String serving = bench.status().version();
        return bench.history().stream().map(version -> VersionView.of(version, serving)).toList();
    }

    @GET
    @Path("history/{number}")
    public Response version(@PathParam("number") String number, @Context SecurityContext security) {
        Access.requireAdmin(security);
        Integer parsed = versionNumber(number);
        if (parsed == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "number: expected a version number, found " + number);
        }
        String serving = bench.status().version();
        return bench.history().stream().filter(version -> version.number() == parsed).findFirst()
                .map(version -> {
                    List<DraftFile> files = bench.filesOf(parsed).stream()
                            .map(file -> new DraftFile(file.path(), text(file))).toList();
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("version", VersionView.of(version, serving));
                    answer.put("files", files);
                    return Response.ok(answer).build();
                })
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "no rule version " + number));
    }

    @POST
    @Path("history/{number}/rollback")
    public Response rollback(@PathParam("number") String number, @Context SecurityContext security) {
        Access.requireAdmin(security);
        Integer parsed = versionNumber(number);
        if (parsed == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "number: expected a version number, found " + number);
        }
        try {
            return published(bench.rollback(parsed, author(security)));
        } catch (NoSuchElementException e) {
            return ApiError.response(Response.Status.NOT_FOUND, "no rule version " + number);
        }
    }

    private Response published(PublishResult result) {
        if (!result.ok()) {
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("status", 422);
            refused.put("error", "the rules were refused; " + bench.status().version() + " keeps serving");
            refused.put("problems", result.problems());
            return Response.status(422).entity(refused).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", result.version() == null ? null
                : VersionView.of(result.version(), bench.status().version()));
        answer.put("status", StatusView.of(bench.status()));
        return Response.ok(answer).build();
    }

    private interface DraftAction {
        Response apply(RuleWorkbench.Draft draft, DraftBody body);
    }

    private Response withDraft(InputStream input, DraftAction action) throws IOException {
        byte[] bytes = input.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return ApiError.response(413, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        DraftBody body;
        try {
            body = bytes.length == 0 ? new DraftBody(null, null, null) : json.readValue(bytes, DraftBody.class);
        } catch (JsonProcessingException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "body: " + e.getOriginalMessage());
        }
        if (body == null) {
            body = new DraftBody(null, null, null);
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<DraftFile> written = body.files() == null ? List.of() : body.files();
        for (int i = 0; i < written.size(); i++) {
            DraftFile file = written.get(i);
            if (file == null || file.path() == null || file.path().isBlank()) {
                return ApiError.response(Response.Status.BAD_REQUEST, "files[" + i + "].path is missing");
            }
            if (file.text() == null) {
                return ApiError.response(Response.Status.BAD_REQUEST, "files[" + i + "].text is missing");
            }
            if (files.put(file.path(), file.text()) != null) {
                return ApiError.response(Response.Status.BAD_REQUEST, "files[" + i + "].path: " + file.path() + " twice");
            }
        }
        Set<String> deleted = new LinkedHashSet<>(body.deleted() == null ? List.of() : body.deleted());
        try {
            RuleWorkbench.Draft draft = new RuleWorkbench.Draft(files, deleted);
            bench.apply(draft);
            return action.apply(draft, body);
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    private static String author(SecurityContext security) {
        Principal caller = Access.caller(security);
        return caller instanceof Principal.Admin ? "admin" : caller.getName();
    }

    private static Integer versionNumber(String text) {
        try {
            int number = Integer.parseInt(text.startsWith("v") ? text.substring(1) : text);
            return number >= 1 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(RuleFile file) {
        return new String(file.bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
