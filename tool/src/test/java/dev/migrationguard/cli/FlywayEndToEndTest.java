package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.migrationguard.cli.CliEndToEndTest.ENTITY;
import static dev.migrationguard.cli.CliEndToEndTest.contest;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real CLI on Spring Boot + Flyway repositories whose settings change what Flyway runs and reads. */
class FlywayEndToEndTest {
    private static final String RES = "src/main/resources/";

    @TempDir
    Path dir;

    @Test
    void aMigrationInTheLocationApplicationYmlNamesCoversTheEntityChange() {
        var g = GitFixture.init(dir)
                .write(ENTITY, contest(""))
                .write(RES + "application.yml", "spring:\n  flyway:\n    locations: classpath:db/changes\n")
                .write(RES + "db/changes/V1__Create_contest.sql",
                        "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n")
                .addAll().commit("init");
        g.write(ENTITY, contest("\n    private Integer divisions;\n"))
                .write(RES + "db/changes/V2__Add_contest_divisions.sql",
                        "ALTER TABLE contest ADD COLUMN divisions INT;\n").addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, r.code(), r::toString);
    }

    @Test
    void placeholdersInATableNameAreReplacedAsFlywayReplacesThem() {
        String entity = contest("").replace("@Entity\n", "@Entity\n@jakarta.persistence.Table(name = \"app_contest\")\n");
        var g = GitFixture.init(dir)
                .write(ENTITY, entity)
                .write(RES + "application.properties", "spring.flyway.placeholders.prefix=app_\n")
                .write(RES + "db/migration/V1__Create_contest.sql",
                        "CREATE TABLE ${prefix}contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n")
                .addAll().commit("init");
        g.write(ENTITY, entity.replace("private String title;\n", "private String title;\n\n    private Integer divisions;\n"))
                .write(RES + "db/migration/V2__Add_contest_divisions.sql",
                        "ALTER TABLE ${prefix}contest ADD COLUMN divisions INT;\n").addAll();
        Cli covered = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, covered.code(), covered::toString);
        g.write(RES + "db/migration/V2__Add_contest_divisions.sql",
                "ALTER TABLE ${other}contest ADD COLUMN divisions INT;\n").addAll();
        Cli unknown = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, unknown.code(), unknown::toString);
        assertEquals(List.of("entity-change-without-migration"), unknown.rules());
    }

    private static final String JAVA_MIGRATION = """
            package db.migration;

            import org.flywaydb.core.api.migration.BaseJavaMigration;
            import org.flywaydb.core.api.migration.Context;

            public class V2__Backfill_titles extends BaseJavaMigration {
                @Override
                public void migrate(Context context) throws Exception {
                    try (var st = context.getConnection().createStatement()) {
                        st.execute("UPDATE contest SET title = 'untitled' WHERE title = ''");
                    }
                }
            }
            """;

    @Test
    void reformattingADeployedJavaMigrationIsNoEditButChangingItsSqlIs() {
        String path = "src/main/java/db/migration/V2__Backfill_titles.java";
        var g = GitFixture.init(dir)
                .write(ENTITY, contest(""))
                .write(RES + "db/migration/V1__Create_contest.sql",
                        "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n")
                .write(path, JAVA_MIGRATION)
                .addAll().commit("init");
        String reformatted = "/*\n * Copyright 2024 Example Corp.\n */\n" + JAVA_MIGRATION
                .replace("    ", "\t")
                .replace("throws Exception {", "throws Exception\n\t{")
                .replace("import org.flywaydb.core.api.migration.Context;",
                        "import org.flywaydb.core.api.migration.Context;\nimport java.sql.Statement;")
                .replace("st.execute(", "// titles were empty strings before V1\n\t\t\tst.execute(");
        g.write(path, reformatted).addAll();
        Cli formatting = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, formatting.code(), formatting::toString);
        g.write(path, reformatted.replace("'untitled'", "'(untitled)'")).addAll();
        Cli edited = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, edited.code(), edited::toString);
        assertEquals(List.of("deployed-migration-edited"), edited.rules());
    }
}
