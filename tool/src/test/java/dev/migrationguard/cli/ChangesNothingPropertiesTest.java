package dev.migrationguard.cli;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever state a repository is in, a run leaves the index, the work tree and the refs exactly as they were. */
class ChangesNothingPropertiesTest {

    enum Edit { ADD_FIELD, ADD_MIGRATION, EDIT_DEPLOYED, DELETE_DEPLOYED, RENAME_DEPLOYED, BREAK_ENTITY, STAGE_ALL, UNSTAGED_NOISE }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Arbitraries.of(Edit.class).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 12)
    void aRunChangesNothing(@ForAll("edits") List<Edit> edits) throws IOException {
        Path dir = Files.createTempDirectory("mg-prop");
        try {
            var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
            String v1 = CliEndToEndTest.MIGRATIONS + "V1__Create_contest.sql";
            int n = 2;
            for (Edit e : edits) {
                switch (e) {
                    case ADD_FIELD -> g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("    private Integer f" + n++ + ";\n"));
                    case ADD_MIGRATION -> g.write(CliEndToEndTest.MIGRATIONS + "V" + n++ + "__Add_x.sql", "ALTER TABLE contest ADD COLUMN x INT;\n");
                    case EDIT_DEPLOYED -> { if (Files.exists(g.root().resolve(v1))) g.write(v1, "DROP TABLE contest;\n"); }
                    case DELETE_DEPLOYED -> { if (Files.exists(g.root().resolve(v1))) g.delete(v1); }
                    case RENAME_DEPLOYED -> {
                        if (Files.exists(g.root().resolve(v1))) {
                            g.write(CliEndToEndTest.MIGRATIONS + "V1__Renamed.sql", g.read(v1)).delete(v1);
                        }
                    }
                    case BREAK_ENTITY -> g.write(CliEndToEndTest.ENTITY, "@Entity class {");
                    case STAGE_ALL -> g.addAll();
                    case UNSTAGED_NOISE -> g.write("notes/todo.txt", "n" + n++);
                }
            }
            Map<String, String> before = state(g.root());
            for (String[] args : List.of(new String[]{"check", "--staged"}, new String[]{"lint"},
                    new String[]{"check", "--base", "main"}, new String[]{"check", "--staged", "--format", "json"})) {
                Cli r = Cli.run(g.root(), args);
                assertTrue(r.code() == 0 || r.code() == 1, r::toString);
            }
            assertEquals(before, state(g.root()));
        } finally {
            deleteTree(dir);
        }
    }

    /** A digest of every file in the work tree and in .git (the index, refs, HEAD, objects). */
    private static Map<String, String> state(Path root) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                digests.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
