package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Java-only runs pay nothing for TypeScript: the packaged jar, in a fresh JVM that logs every class it loads, checks
 * a JPA + Flyway commit and a commit of a JavaScript file that says "synchronize" without TypeORM, and never loads a
 * class of swc4j ({@code com.caoccao}); a TypeORM commit does, which shows the probe sees the loading at all.
 */
class TypeScriptLoadingIT {
    static final Path JAR = Path.of("target", "migration-guard.jar").toAbsolutePath();

    @TempDir
    Path dir;

    /** The classes the JVM loaded while checking the staged change, one per line. */
    private static String loadedClasses(Path repo) throws IOException, InterruptedException {
        var pb = new ProcessBuilder("java", "-Xlog:class+load=info:stdout", "-jar", JAR.toString(), "check",
                "--staged", "--no-color").directory(repo.toFile()).redirectErrorStream(true);
        // In one JVM: the tuned child JVM that FastStart would start logs nothing.
        Map<String, String> env = pb.environment();
        env.put("MIGRATION_GUARD_FAST_START", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertTrue(code == 0 || code == 1, "the check ran: exit " + code + "\n" + out);
        assertTrue(out.contains("dev.migrationguard.engine.Engine"), "the class log is there:\n" + out);
        return out;
    }

    @Test
    void aJpaAndFlywayCommitNeverLoadsSwc() throws Exception {
        var g = GitFixture.init(dir)
                .write("src/main/java/com/example/Contest.java", """
                        package com.example;

                        import jakarta.persistence.*;

                        @Entity
                        public class Contest {
                            @Id
                            private Long id;
                        }
                        """)
                .write("src/main/resources/db/migration/V1__Create_contest.sql",
                        "CREATE TABLE contest (id BIGINT PRIMARY KEY);\n")
                .addAll().commit("init");
        g.write("src/main/java/com/example/Contest.java", """
                        package com.example;

                        import jakarta.persistence.*;

                        @Entity
                        public class Contest {
                            @Id
                            private Long id;

                            private String title;
                        }
                        """)
                .write("src/main/resources/db/migration/V2__Add_contest_title.sql",
                        "ALTER TABLE contest ADD COLUMN title VARCHAR(255);\n")
                .addAll();
        String log = loadedClasses(g.root());
        assertTrue(log.contains("dev.migrationguard.jpa.JpaEntityReader"), "the JPA reader ran");
        assertFalse(log.contains("com.caoccao"), () -> "swc4j was loaded: " + swcLines(log));
    }

    @Test
    void aJavaScriptFileThatSaysSynchronizeWithoutTypeOrmNeverLoadsSwc() throws Exception {
        var g = GitFixture.init(dir).write("README.md", "# app\n").addAll().commit("init");
        g.write("public/vendor/sync.js", """
                        // Keeps two panes scrolling together.
                        export function synchronize(a, b) {
                          a.addEventListener('scroll', () => { b.scrollTop = a.scrollTop; });
                          return { synchronize: true };
                        }
                        """).addAll();
        String log = loadedClasses(g.root());
        assertFalse(log.contains("com.caoccao"), () -> "swc4j was loaded: " + swcLines(log));
    }

    @Test
    void aTypeOrmCommitDoesLoadSwc() throws Exception {
        var g = TypeOrmEndToEndTest.baseline(dir).addAll().commit("init");
        g.write(TypeOrmEndToEndTest.ENTITY, TypeOrmEndToEndTest.contest("\n  @Column()\n  divisions: number;\n"))
                .addAll();
        assertTrue(loadedClasses(g.root()).contains("com.caoccao.javet.swc4j"), "the probe sees swc4j when it loads");
    }

    private static List<String> swcLines(String log) {
        return log.lines().filter(l -> l.contains("com.caoccao")).limit(5).toList();
    }
}
