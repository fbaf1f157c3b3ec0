package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stacks.SupportedStacks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real CLI entry point in-process and captures what it prints. */
public record Cli(int code, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs with an empty environment, so that no variable of the machine running the tests changes the outcome. */
    public static Cli run(Path repo, String... args) {
        return run(Map.of(), repo, args);
    }

    /** Runs with {@code env} as the whole environment the tool sees. */
    public static Cli run(Map<String, String> env, Path repo, String... args) {
        return run(SupportedStacks.ALL, env, repo, args);
    }

    /** Runs with {@code stacks} in place of the supported ones. */
    public static Cli run(List<Stack> stacks, Map<String, String> env, Path repo, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (repo != null) {
            all.add("--repo");
            all.add(repo.toString());
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, stacks);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not one JSON document: " + out + "\nstderr: " + err, e);
        }
    }

    /** The rule ids of the findings that count (not suppressed), in report order. */
    public List<String> rules() {
        List<String> rules = new ArrayList<>();
        for (JsonNode f : json().get("findings")) {
            if (!f.path("suppressed").asBoolean(false)) rules.add(f.get("rule").asText());
        }
        return rules;
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
