package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub Action, the GitLab template and the pre-commit manifest: each parses as YAML, and the shell they run is
 * run for real by bash with {@code java} replaced by a recorder, so that the arguments it would give migration-guard
 * go through picocli and must be real options of a real command.
 */
class PullRequestGateTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** SPEC.md's formats and GitLab's code-quality format: the names the CI files may ask for. */
    private static final Set<String> FORMATS = Set.of("text", "json", "sarif", "github", "junit", "checkstyle", "gitlab");
    private static final String RECORDER = """
            java() { printf '%s\\0' "$@" > "$ARGS_FILE"; return "$FAKE_JAVA_EXIT"; }
            git() { printf '%s\\n' "$*" >> "$GIT_LOG"; }
            mvn() { printf '%s\\0' "$@" > "$MVN_ARGS_FILE"; return "${FAKE_MVN_EXIT:-0}"; }
            """;

    @TempDir
    Path dir;

    private record Ran(int code, String output, List<String> javaArgs, List<String> mvnArgs) {
    }

    private Ran bash(String script, Map<String, String> env, int javaExit) throws Exception {
        Path file = dir.resolve("step-" + System.nanoTime() + ".sh");
        Files.writeString(file, RECORDER + script);
        Path argsFile = dir.resolve("args-" + System.nanoTime());
        var pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("ARGS_FILE", argsFile.toString());
        pb.environment().put("GIT_LOG", dir.resolve("git.log").toString());
        pb.environment().put("FAKE_JAVA_EXIT", Integer.toString(javaExit));
        Path mvnArgsFile = dir.resolve("mvn-args-" + System.nanoTime());
        pb.environment().put("MVN_ARGS_FILE", mvnArgsFile.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        return new Ran(code, out, recorded(argsFile), recorded(mvnArgsFile));
    }

    private static List<String> recorded(Path argsFile) throws IOException {
        return Files.exists(argsFile)
                ? Arrays.asList(Files.readString(argsFile, StandardCharsets.UTF_8).split("\0"))
                : List.of();
    }

    /** Checks that {@code java <args>} runs our jar with a real command and real options; returns check's arguments. */
    private static CommandLine.ParseResult parsesAsMigrationGuard(List<String> javaArgs, String jar) {
        assertEquals(List.of("-jar", jar), javaArgs.subList(0, 2), javaArgs::toString);
        List<String> args = javaArgs.subList(2, javaArgs.size());
        CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
        CommandLine.ParseResult check = parsed.subcommand();
        assertNotNull(check, args::toString);
        assertEquals("check", check.commandSpec().name());
        List<String> formats = check.matchedOptionValue("--format", List.of());
        assertTrue(FORMATS.containsAll(formats), formats::toString);
        return check;
    }

    private static JsonNode read(String file) throws IOException {
        return YAML.readTree(ProjectRoot.file(file).toFile());
    }

    @Test
    void theGitHubActionIsACompositeThatUsesOnlyInputsItDeclares() throws Exception {
        JsonNode action = read("action.yml");
        assertEquals("composite", action.at("/runs/using").asText());
        List<String> uses = new ArrayList<>();
        for (JsonNode step : action.at("/runs/steps")) {
            if (step.has("uses")) uses.add(step.get("uses").asText());
            else assertTrue(step.has("run") && step.has("shell"), "a composite run step needs a shell: " + step);
        }
        assertTrue(uses.contains("actions/setup-java@v4") && uses.contains("github/codeql-action/upload-sarif@v3"), uses::toString);
        JsonNode setupJava = action.at("/runs/steps/0/with");
        assertEquals("17", setupJava.get("java-version").asText());

        String text = Files.readString(ProjectRoot.file("action.yml"));
        Matcher m = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)").matcher(text);
        while (m.find()) assertTrue(action.get("inputs").has(m.group(1)), "undeclared input " + m.group(1));
        Matcher s = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outputs").matcher(text);
        Set<String> ids = new java.util.HashSet<>();
        for (JsonNode step : action.at("/runs/steps")) if (step.has("id")) ids.add(step.get("id").asText());
        while (s.find()) assertTrue(ids.contains(s.group(1)), "unknown step id " + s.group(1));
    }

    @Test
    void theActionRunsCheckAgainstTheBaseWithSarifAnnotationsAndTheLabel() throws Exception {
        JsonNode check = step(read("action.yml"), "check");
        Path out = dir.resolve("github-output");
        Map<String, String> env = new HashMap<>(Map.of("MIGRATION_GUARD_JAR", "/a/migration-guard.jar",
                "BASE_REF", "origin/main", "FAIL_ON", "error", "EXTRA_ARGS", "--deploy-ref origin/production",
                "ALLOW_LABEL", "migration-edit-approved", "HAS_ALLOW_LABEL", "false", "PR_NUMBER", "42",
                "SARIF", dir.resolve("mg.sarif").toString(), "GITHUB_OUTPUT", out.toString()));

        Ran plain = bash(check.get("run").asText(), env, 1);
        assertEquals(0, plain.code(), "the check step records the verdict; the Verdict step fails the job: " + plain);
        var parsed = parsesAsMigrationGuard(plain.javaArgs(), "/a/migration-guard.jar");
        assertEquals("origin/main", parsed.matchedOptionValue("--base", ""));
        assertEquals(List.of("sarif", "github"), parsed.matchedOptionValue("--format", List.of()));
        assertEquals(List.of(Path.of(env.get("SARIF"))), parsed.matchedOptionValue("--output", List.of()));
        assertEquals("origin/production", parsed.matchedOptionValue("--deploy-ref", ""));
        assertFalse(parsed.hasMatchedOption("--allow-deployed-edits"));
        assertEquals("exit-code=1\n", Files.readString(out), "no SARIF written, so none to upload");

        Files.delete(out);
        Files.writeString(dir.resolve("mg.sarif"), "{}");
        env.put("HAS_ALLOW_LABEL", "true");
        Ran labelled = bash(check.get("run").asText(), env, 0);
        var withLabel = parsesAsMigrationGuard(labelled.javaArgs(), "/a/migration-guard.jar");
        assertEquals("pull request #42 carries the label 'migration-edit-approved'",
                withLabel.matchedOptionValue("--allow-deployed-edits", ""));
        assertTrue(labelled.output().contains("::notice::"), labelled::toString);
        assertEquals("exit-code=0\nsarif=" + env.get("SARIF") + "\n", Files.readString(out));
    }

    @Test
    void theVerdictStepFailsTheJobOnFindingsAndOnCannotJudge() throws Exception {
        JsonNode verdict = step(read("action.yml"), "Verdict");
        for (int code : new int[]{0, 1, 2, 3}) {
            Ran r = bash(verdict.get("run").asText(), Map.of("CODE", Integer.toString(code), "FAIL_ON", "error"), 0);
            assertEquals(code, r.code(), r::toString);
            if (code > 0) assertTrue(r.output().startsWith("::error::"), r::toString);
        }
        assertEquals(3, bash(verdict.get("run").asText(), Map.of("CODE", "", "FAIL_ON", "error"), 0).code(),
                "a check step that never ran is a failure, not a pass");
    }

    @Test
    void theGitLabTemplateRunsCheckAgainstTheMergeBaseAndPublishesCodeQuality() throws Exception {
        JsonNode job = read("ci/gitlab/migration-guard.gitlab-ci.yml").get("migration-guard");
        assertEquals("gl-code-quality-report.json", job.at("/artifacts/reports/codequality").asText());
        assertEquals("always", job.at("/artifacts/when").asText());
        assertEquals("0", job.at("/variables/GIT_DEPTH").asText());
        StringBuilder script = new StringBuilder();
        for (JsonNode line : job.get("script")) script.append(line.asText()).append('\n');
        Path jar = Files.writeString(dir.resolve("mg.jar"), "a jar");
        Map<String, String> env = new HashMap<>(Map.of("MIGRATION_GUARD_JAR", jar.toString(),
                "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main", "CI_MERGE_REQUEST_DIFF_BASE_SHA", "0123abc",
                "MIGRATION_GUARD_FAIL_ON", "warning", "MIGRATION_GUARD_ARGS", "--config ci/mg.yml",
                "MIGRATION_GUARD_ALLOW_LABEL", "migration-edit-approved", "CI_MERGE_REQUEST_LABELS", "backend,db",
                "CI_MERGE_REQUEST_IID", "9"));

        Ran r = bash(script.toString(), env, 1);
        assertEquals(1, r.code(), "findings fail the job: " + r);
        var parsed = parsesAsMigrationGuard(r.javaArgs(), jar.toString());
        assertEquals("0123abc", parsed.matchedOptionValue("--base", ""));
        assertEquals("warning", parsed.matchedOptionValue("--fail-on", ""));
        assertEquals(List.of("gitlab", "text"), parsed.matchedOptionValue("--format", List.of()));
        assertEquals(List.of(Path.of("gl-code-quality-report.json")), parsed.matchedOptionValue("--output", List.of()));
        assertFalse(parsed.hasMatchedOption("--allow-deployed-edits"));
        assertTrue(Files.readString(dir.resolve("git.log")).contains("fetch -q origin +refs/heads/main:refs/remotes/origin/main"));

        env.put("CI_MERGE_REQUEST_LABELS", "backend,migration-edit-approved");
        env.remove("CI_MERGE_REQUEST_DIFF_BASE_SHA");
        Ran labelled = bash(script.toString(), env, 0);
        assertEquals(0, labelled.code(), labelled::toString);
        var withLabel = parsesAsMigrationGuard(labelled.javaArgs(), jar.toString());
        assertEquals("origin/main", withLabel.matchedOptionValue("--base", ""));
        assertEquals("merge request !9 carries the label 'migration-edit-approved'",
                withLabel.matchedOptionValue("--allow-deployed-edits", ""));

        env.put("MIGRATION_GUARD_JAR", "");
        Ran noJar = bash(script.toString(), env, 0);
        assertEquals(2, noJar.code(), noJar::toString);
        assertTrue(noJar.output().contains("set MIGRATION_GUARD_VERSION"), noJar::toString);
        assertEquals(List.of(), noJar.mvnArgs(), "nothing is fetched without a version");
    }

    @Test
    void theGitLabTemplateFetchesTheReleasedVersionWithMaven() throws Exception {
        JsonNode job = read("ci/gitlab/migration-guard.gitlab-ci.yml").get("migration-guard");
        StringBuilder script = new StringBuilder();
        for (JsonNode line : job.get("script")) script.append(line.asText()).append('\n');
        Map<String, String> env = new HashMap<>(Map.of("MIGRATION_GUARD_JAR", "", "MIGRATION_GUARD_VERSION", "0.1.0",
                "TMPDIR", dir.toString(), "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main",
                "MIGRATION_GUARD_FAIL_ON", "error"));

        Ran r = bash(script.toString(), env, 0);
        assertEquals(0, r.code(), r::toString);
        Path fetched = dir.resolve("migration-guard");
        assertEquals(List.of("-B", "-ntp", "-q", "dependency:copy", "-Dartifact=dev.migrationguard:migration-guard:0.1.0",
                "-DoutputDirectory=" + fetched, "-Dmdep.stripVersion=true"), r.mvnArgs());
        parsesAsMigrationGuard(r.javaArgs(), fetched.resolve("migration-guard.jar").toString());

        env.put("FAKE_MVN_EXIT", "1");
        Ran failed = bash(script.toString(), env, 0);
        assertEquals(2, failed.code(), "a version that cannot be fetched cannot be judged with: " + failed);
        assertTrue(failed.output().contains("could not fetch dev.migrationguard:migration-guard:0.1.0"), failed::toString);
        assertEquals(List.of(), failed.javaArgs());
    }

    @Test
    void theActionFetchesItsOwnReleaseUnlessToldAnotherVersionOrJar() throws Exception {
        JsonNode fetch = step(read("action.yml"), "jar");
        Path out = dir.resolve("github-output");
        Path fetched = dir.resolve("fetched");
        Map<String, String> env = new HashMap<>(Map.of("INPUT_JAR", "", "INPUT_VERSION", "",
                "ACTION_PATH", ProjectRoot.DIR.toAbsolutePath().toString(), "FETCH_DIR", fetched.toString(),
                "GITHUB_OUTPUT", out.toString()));

        Ran own = bash(fetch.get("run").asText(), env, 0);
        assertEquals(0, own.code(), own::toString);
        // The action's release is the root pom's version, the one the tool itself reports.
        assertEquals(List.of("-B", "-ntp", "-q", "dependency:copy",
                "-Dartifact=dev.migrationguard:migration-guard:" + dev.migrationguard.report.Report.VERSION,
                "-DoutputDirectory=" + fetched, "-Dmdep.stripVersion=true"), own.mvnArgs());
        assertEquals("jar=" + fetched.resolve("migration-guard.jar") + "\n", Files.readString(out));

        Files.delete(out);
        env.put("INPUT_VERSION", "9.9.9");
        env.put("FAKE_MVN_EXIT", "1");
        Ran missing = bash(fetch.get("run").asText(), env, 0);
        assertEquals(2, missing.code(), missing::toString);
        assertTrue(missing.output().contains("::error::migration-guard: could not fetch dev.migrationguard:migration-guard:9.9.9"),
                missing::toString);
        assertFalse(Files.exists(out), "no jar to run");

        Path jar = Files.writeString(dir.resolve("mine.jar"), "a jar");
        env.put("INPUT_JAR", jar.toString());
        Ran given = bash(fetch.get("run").asText(), env, 0);
        assertEquals(0, given.code(), given::toString);
        assertEquals(List.of(), given.mvnArgs(), "a given jar is not fetched");
        assertEquals("jar=" + jar.toRealPath() + "\n", Files.readString(out));
    }

    @Test
    void thePreCommitManifestRunsTheHookScriptOnTheWholeStagedChange() throws Exception {
        JsonNode hooks = read(".pre-commit-hooks.yaml");
        assertEquals(1, hooks.size());
        JsonNode hook = hooks.get(0);
        assertEquals("migration-guard", hook.get("id").asText());
        assertEquals("script", hook.get("language").asText());
        assertFalse(hook.get("pass_filenames").asBoolean(true));
        Path entry = ProjectRoot.file(hook.get("entry").asText());
        assertTrue(Files.isExecutable(entry) && Files.readString(entry).contains("check --staged"), entry::toString);
    }

    private static JsonNode step(JsonNode action, String idOrName) {
        for (JsonNode step : action.at("/runs/steps")) {
            if (idOrName.equals(step.path("id").asText()) || idOrName.equals(step.path("name").asText())) return step;
        }
        throw new AssertionError("no step " + idOrName);
    }
}
