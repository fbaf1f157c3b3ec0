package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the packaged jar in a fresh JVM, as a shell would, with stdout and stderr kept apart. */
record PackagedJar(int code, String out, String err) {
    static final Path JAR = Path.of("target", "migration-guard.jar").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Runs {@code java [jvmOptions] -jar migration-guard.jar args} in {@code repo}, with git's global configuration
     * kept out and the environment changed by {@code env} (a null value removes the variable). With a
     * {@code ulimit -f} (in KB) the process may write no bigger file, as on a disk that is full.
     */
    static PackagedJar run(Path repo, Map<String, String> env, List<String> jvmOptions, Integer fileSizeLimitKb,
                           String... args) throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "integration tests run after mvn package has built " + JAR);
        List<String> command = new ArrayList<>();
        if (fileSizeLimitKb != null) {
            command.addAll(List.of("bash", "-c", "ulimit -f " + fileSizeLimitKb + " && exec \"$@\"", "limited"));
        }
        command.add("java");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).directory(repo.toFile());
        Map<String, String> environment = pb.environment();
        environment.remove("MIGRATION_GUARD_JAR");
        environment.remove("MIGRATION_GUARD_FAST_START");
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("HOME", repo.toString());
        env.forEach((k, v) -> {
            if (v == null) environment.remove(k);
            else environment.put(k, v);
        });
        Path err = Files.createTempFile("migration-guard-it", ".err");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            return new PackagedJar(code, out, Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static PackagedJar run(Path repo, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(repo, env, List.of(), null, args);
    }

    /** The whole of stdout as one JSON document; fails when anything else is on stdout. */
    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("stdout is not one JSON document:\n" + this, e);
        }
    }

    /** Rule and path of each finding, as {@code rule path}. */
    List<String> findings() {
        List<String> all = new ArrayList<>();
        for (JsonNode f : json().get("findings")) all.add(f.get("rule").asText() + " " + f.get("path").asText());
        return all;
    }

    /** Files the JVM leaves behind when it crashes, anywhere in the repository. */
    static List<Path> crashLeftovers(Path repo) throws IOException {
        try (Stream<Path> files = Files.walk(repo)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("hs_err_pid") || name.equals("core") || name.startsWith("core.");
            }).toList();
        }
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
