package dev.migrationguard.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real git repository in a temporary folder, driven through the real {@code git} program. */
public final class GitFixture {
    private final Path root;

    private GitFixture(Path root) {
        this.root = root;
    }

    public static GitFixture init(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        var f = new GitFixture(dir);
        f.git("init", "-q", "-b", "main");
        f.git("config", "user.email", "dev@example.com");
        f.git("config", "user.name", "Dev");
        f.git("config", "commit.gpgsign", "false");
        return f;
    }

    public Path root() {
        return root;
    }

    public GitFixture write(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        return this;
    }

    public GitFixture writeBytes(String path, byte[] content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        return this;
    }

    public String read(String path) {
        try {
            return Files.readString(root.resolve(path));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    public GitFixture delete(String path) {
        try {
            Files.delete(root.resolve(path));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        return this;
    }

    public GitFixture add(String... paths) {
        List<String> args = new ArrayList<>(List.of("add", "--"));
        args.addAll(List.of(paths));
        git(args.toArray(String[]::new));
        return this;
    }

    public GitFixture addAll() {
        git("add", "-A");
        return this;
    }

    public GitFixture commit(String message) {
        git("commit", "-q", "--no-verify", "-m", message);
        return this;
    }

    /** Runs git in the repository and returns its standard output; fails the test when git fails. */
    public String git(String... args) {
        return run(root, args);
    }

    public static String run(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("HOME", dir.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            return out;
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }
}
