package dev.migrationguard.engine;

import dev.migrationguard.analysis.Coverage;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.replay.ReplayCache;
import dev.migrationguard.replay.SetReplayer;
import dev.migrationguard.sql.SqlOperations;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationCoverageTest {
    private static final Dialect PG = Dialect.POSTGRES;
    private static final Location ENTITY = Location.at("src/main/java/app/Owner.java", 12, 5);
    private static final Table BEFORE = Table.table(null, "owner", ENTITY)
            .withColumn(PG, Column.of("id", SqlType.of("bigint"), false, ENTITY));
    private static final Table AFTER = BEFORE
            .withColumn(PG, Column.of("email", SqlType.of("varchar").withLength(320), false, ENTITY));
    private static final SchemaChange EMAIL_ADDED = new SchemaChange(SchemaChange.Kind.ADDED,
            SchemaChange.Target.COLUMN, null, "owner", null, "email", "column \"owner\".\"email\" added", ENTITY);

    private static Migration migration(String path, String sql) {
        return new Migration(path, path, "flyway", Migration.Kind.VERSIONED, "2", "x", Location.file(path), List.of(),
                Rollback.notApplicable(), "c").withOperations(SqlOperations.read(sql, PG, Location.at(path, 1, 1),
                Side.UP));
    }

    private static MigrationCoverage coverage(List<Migration> history) {
        var sides = new MigrationCoverage.Sides(PG, PhysicalSchema.of(PG, List.of(BEFORE), List.of(), List.of()),
                PhysicalSchema.of(PG, List.of(AFTER), List.of(), List.of()));
        MigrationSet set = new MigrationSet("flyway", "", "src/main/resources/db/migration", null, history);
        return new MigrationCoverage(Map.of(EMAIL_ADDED, sides), List.of(), () -> List.of(set),
                new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(), line -> { }, () -> PG, true, List.of());
    }

    private static Optional<String> shortfall(String sql) {
        return coverage(List.of()).shortfall(EMAIL_ADDED, migration("db/migration/V2__x.sql", sql));
    }

    @Test
    void aMigrationThatAddsTheColumnAsTheEntityMapsItCoversTheChange() {
        assertEquals(Optional.empty(), shortfall("ALTER TABLE owner ADD COLUMN email varchar(320) NOT NULL;"));
        assertEquals(Optional.empty(), shortfall("ALTER TABLE owner ADD COLUMN \"email\" character varying(320) "
                + "NOT NULL DEFAULT '';"));
    }

    @Test
    void aMigrationThatTouchesTheTableButNotTheColumnDoesNotCoverIt() {
        assertEquals(Optional.of("the new migration db/migration/V2__x.sql touches table \"owner\" but not column "
                + "\"email\""), shortfall("ALTER TABLE owner ADD COLUMN phone varchar(20);"));
    }

    @Test
    void aMigrationThatMakesTheColumnOtherwiseThanTheEntityMapsItFallsShort() {
        assertEquals(Optional.of("the new migration db/migration/V2__x.sql adds column \"owner\".\"email\" as varchar(100) "
                + "NULL, the entity maps varchar(320) NOT NULL"), shortfall("ALTER TABLE owner ADD COLUMN email varchar(100);"));
        assertEquals(Optional.of("the new migration db/migration/V2__x.sql adds column \"owner\".\"email\" as integer "
                + "NOT NULL, the entity maps varchar(320) NOT NULL"),
                shortfall("ALTER TABLE owner ADD COLUMN email int NOT NULL;"));
        // NULL first, NOT NULL once the rows are filled, in the same migration: what counts is what it leaves
        assertEquals(Optional.empty(), shortfall("ALTER TABLE owner ADD COLUMN email varchar(320);\n"
                + "UPDATE owner SET email = '';\nALTER TABLE owner ALTER COLUMN email SET NOT NULL;"));
        // a wider column holds every value the entity writes; a NULL column with a default gets no NULL from it
        assertEquals(Optional.empty(), shortfall("ALTER TABLE owner ADD COLUMN email varchar(1000) NOT NULL;"));
        assertEquals(Optional.empty(), shortfall("ALTER TABLE owner ADD COLUMN email text NOT NULL;"));
        assertEquals(Optional.empty(), shortfall("ALTER TABLE owner ADD COLUMN email varchar(320) DEFAULT '';"));
        assertEquals(Optional.empty(), shortfall("ALTER TABLE owner ADD COLUMN email varchar NOT NULL;"));
        // a type of no known family (a domain, an enum type) is no difference
        assertEquals(Optional.empty(), shortfall("ALTER TABLE owner ADD COLUMN email email_domain NOT NULL;"));
    }

    @Test
    void theMigrationsTypesAreReadForTheDatabaseItRunsOnAndOnlyThatOneIsCompared() {
        Dialect my = Dialect.MYSQL;
        Table before = Table.table(null, "owner", ENTITY).withColumn(my, Column.of("id", SqlType.of("bigint"), false,
                ENTITY));
        // Hibernate maps a boolean to bit on MySQL
        Table after = before.withColumn(my, Column.of("active", SqlType.of("bit"), false, ENTITY));
        SchemaChange added = new SchemaChange(SchemaChange.Kind.ADDED, SchemaChange.Target.COLUMN, null, "owner", null,
                "active", "column \"owner\".\"active\" added", ENTITY);
        var sides = new MigrationCoverage.Sides(my, PhysicalSchema.of(my, List.of(before), List.of(), List.of()),
                PhysicalSchema.of(my, List.of(after), List.of(), List.of()));
        // on MySQL, BOOLEAN is tinyint(1): another spelling of a boolean, not another type
        Migration mysql = migration("db/migration/mysql/V2__x.sql", "ALTER TABLE owner ADD active BOOLEAN NOT NULL;");
        Migration h2 = migration("db/migration/h2/V2__x.sql", "ALTER TABLE owner ADD active varchar(5) NOT NULL;");
        List<String> said = new ArrayList<>();
        var coverage = new MigrationCoverage(Map.of(added, sides), List.of(), () -> List.of(
                new MigrationSet("flyway", "", "db/migration [mysql]", my, List.of(mysql)),
                new MigrationSet("flyway", "", "db/migration [h2]", Dialect.H2, List.of(h2))),
                null, MemorySnapshot.of(), said::add, () -> my, true, List.of());
        assertEquals(Optional.empty(), coverage.shortfall(added, mysql));
        // another database's migration is not compared with types mapped for MySQL
        assertEquals(Optional.empty(), coverage.shortfall(added, h2));
        assertTrue(said.stream().anyMatch(l -> l.contains("runs on h2")), said.toString());
        // where the sets may not be read (the pre-commit path), the run's database applies
        var staged = new MigrationCoverage(Map.of(added, sides), List.of(), () -> {
            throw new AssertionError("sets read on the pre-commit path");
        }, null, MemorySnapshot.of(), line -> { }, () -> my, false, List.of());
        assertEquals(Optional.empty(), staged.shortfall(added, mysql));
        assertTrue(staged.shortfall(added, migration("db/migration/V2__x.sql",
                "ALTER TABLE owner ADD active varchar(5) NOT NULL;")).isPresent());
    }

    @Test
    void onlyTheFactsTheEntityChangeIsAboutAreCompared() {
        Table was = BEFORE.withColumn(PG, Column.of("email", SqlType.of("varchar").withLength(320), true, ENTITY));
        SchemaChange madeRequired = new SchemaChange(SchemaChange.Kind.CHANGED, SchemaChange.Target.COLUMN, null,
                "owner", null, "email", "column \"owner\".\"email\" NOT NULL", ENTITY);
        var sides = new MigrationCoverage.Sides(PG, PhysicalSchema.of(PG, List.of(was), List.of(), List.of()),
                PhysicalSchema.of(PG, List.of(AFTER), List.of(), List.of()));
        var coverage = new MigrationCoverage(Map.of(madeRequired, sides), List.of(), List::of, null,
                MemorySnapshot.of(), line -> { }, () -> PG, true, List.of());
        // the change is about nullability: SET NOT NULL says no type, and makes it
        assertEquals(Optional.empty(), coverage.shortfall(madeRequired, migration("db/migration/V2__x.sql",
                "ALTER TABLE owner ALTER COLUMN email SET NOT NULL;")));
        assertEquals(Optional.of("the new migration db/migration/V2__x.sql makes column \"owner\".\"email\" as NULL, "
                + "the entity maps varchar(320) NOT NULL"), coverage.shortfall(madeRequired,
                migration("db/migration/V2__x.sql", "ALTER TABLE owner ALTER COLUMN email DROP NOT NULL;")));
    }

    @Test
    void whatTheNamingStrategyHidesIsStillFound() {
        var sides = new MigrationCoverage.Sides(PG, PhysicalSchema.of(PG, List.of(BEFORE), List.of(), List.of()),
                PhysicalSchema.of(PG, List.of(AFTER), List.of(), List.of()));
        // the entities' naming strategy is not always known: emailAddress and email_address are one column
        SchemaChange snake = new SchemaChange(SchemaChange.Kind.ADDED, SchemaChange.Target.COLUMN, null, "owner", null,
                "email_address", "column added", ENTITY);
        var coverage = new MigrationCoverage(Map.of(snake, sides), List.of(), List::of, null, MemorySnapshot.of(),
                line -> { }, () -> PG, true, List.of());
        assertEquals(Optional.empty(), coverage.shortfall(snake, migration("db/migration/V2__x.sql",
                "ALTER TABLE owner ADD COLUMN \"emailAddress\" text;")));
        assertTrue(coverage.shortfall(snake, migration("db/migration/V2__x.sql",
                "ALTER TABLE owner ADD COLUMN phone text;")).isPresent());
    }

    @Test
    void whatCannotBeReadNeverFallsShort() {
        assertEquals(Optional.empty(), shortfall("DO $$ BEGIN EXECUTE 'ALTER TABLE owner ADD email text'; END $$;\n"
                + "ALTER TABLE owner ADD COLUMN phone varchar(20);"));
        assertEquals(Optional.empty(), coverage(List.of()).shortfall(EMAIL_ADDED, new Migration("m", "m", "flyway",
                Migration.Kind.VERSIONED, "2", "x", null, List.of(), Rollback.notApplicable(), "c")));
        // comments and grants change no column: the migration still leaves "email" alone
        assertTrue(shortfall("COMMENT ON TABLE owner IS 'x';\nALTER TABLE owner ADD COLUMN phone text;").isPresent());
        // a table made again may be the change
        assertEquals(Optional.empty(), shortfall("DROP TABLE owner;\nCREATE TABLE owner (id bigint NOT NULL);"));
    }

    @Test
    void aCatchUpEditIsAlreadyBuiltOnlyWhenTheReplayKnowsEveryFact() {
        Migration v1 = migration("db/migration/V1__init.sql",
                "CREATE TABLE owner (id bigint NOT NULL, email varchar(320) NOT NULL);");
        assertTrue(coverage(List.of(v1)).alreadyBuilt(EMAIL_ADDED));

        Migration narrower = migration("db/migration/V1__init.sql",
                "CREATE TABLE owner (id bigint NOT NULL, email varchar(255) NOT NULL);");
        assertFalse(coverage(List.of(narrower)).alreadyBuilt(EMAIL_ADDED));

        Migration none = migration("db/migration/V1__init.sql", "CREATE TABLE owner (id bigint NOT NULL);");
        assertFalse(coverage(List.of(none)).alreadyBuilt(EMAIL_ADDED));

        List<Migration> unread = new ArrayList<>(List.of(v1));
        unread.add(migration("db/migration/V2__fix.sql", "ALTER TABLE owner FROBNICATE email;"));
        assertFalse(coverage(unread).alreadyBuilt(EMAIL_ADDED));
    }

    @Test
    void aReplayedColumnIsFoundUnderAnotherNamingStrategyAndAStatementNamingNoTableLeavesItKnown() {
        // the entities are named snake_case by assumption; the migrations wrote camelCase, as the database has it
        SchemaChange added = new SchemaChange(SchemaChange.Kind.ADDED, SchemaChange.Target.COLUMN, null, "owner", null,
                "email_address", "column added", ENTITY);
        Table after = BEFORE.withColumn(PG, Column.of("email_address", SqlType.of("varchar").withLength(320), false,
                ENTITY));
        var sides = new MigrationCoverage.Sides(PG, PhysicalSchema.of(PG, List.of(BEFORE), List.of(), List.of()),
                PhysicalSchema.of(PG, List.of(after), List.of(), List.of()));
        MigrationSet set = new MigrationSet("flyway", "", "db/migration", null, List.of(
                migration("db/migration/V1__init.sql", "CREATE TABLE owner (id bigint NOT NULL, \"emailAddress\" "
                        + "varchar(320) NOT NULL);"),
                migration("db/migration/V2__audit.sql", "DO $$ BEGIN PERFORM audit_on(); END $$;")));
        var coverage = new MigrationCoverage(Map.of(added, sides), List.of(), () -> List.of(set),
                new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(), line -> { }, () -> PG, true, List.of());
        assertTrue(coverage.alreadyBuilt(added));
    }

    @Test
    void noSetOfTheProjectMeansNothingIsAlreadyBuilt() {
        var sides = new MigrationCoverage.Sides(PG, PhysicalSchema.of(PG, List.of(BEFORE), List.of(), List.of()),
                PhysicalSchema.of(PG, List.of(AFTER), List.of(), List.of()));
        MigrationSet elsewhere = new MigrationSet("flyway", "other-module", "db/migration", null,
                List.of(migration("other-module/V1__init.sql", "CREATE TABLE owner (id bigint NOT NULL, "
                        + "email varchar(320) NOT NULL);")));
        var coverage = new MigrationCoverage(Map.of(EMAIL_ADDED, sides), List.of(), () -> List.of(elsewhere),
                new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(), line -> { }, () -> PG, true, List.of());
        assertFalse(coverage.alreadyBuilt(EMAIL_ADDED));
        assertFalse(new MigrationCoverage(Map.of(EMAIL_ADDED, sides), List.of(), () -> List.of(elsewhere), null,
                MemorySnapshot.of(), line -> { }, () -> PG, true, List.of()).alreadyBuilt(EMAIL_ADDED));
    }

    private static List<Coverage.Drift> drift(String... history) {
        return drift(new ArrayList<>(), history);
    }

    private static List<Coverage.Drift> drift(List<String> debug, String... history) {
        List<Migration> migrations = new ArrayList<>();
        for (int i = 0; i < history.length; i++) {
            migrations.add(migration("db/migration/V" + (i + 1) + "__m.sql", history[i]));
        }
        PhysicalSchema mapped = PhysicalSchema.of(PG, List.of(AFTER), List.of(), List.of());
        MigrationSet set = new MigrationSet("flyway", "", "db/migration", null, migrations);
        return new MigrationCoverage(Map.of(), List.of(new MigrationCoverage.Sides(PG, mapped, mapped)),
                () -> List.of(set), new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(), debug::add,
                () -> PG, true, List.of()).drift();
    }

    @Test
    void lintDriftNamesWhatNoMigrationCreatesAndWhatDiffers() {
        assertEquals(List.of(), drift("CREATE TABLE owner (id bigint NOT NULL, email varchar(320) NOT NULL);"));
        assertEquals(List.of(new Coverage.Drift(Coverage.Drift.Kind.MISSING, ENTITY, "column \"owner\".\"email\" is "
                        + "mapped by an entity, but no migration creates it")),
                drift("CREATE TABLE owner (id bigint NOT NULL);"));
        assertEquals(List.of(new Coverage.Drift(Coverage.Drift.Kind.MISSING, ENTITY, "table \"owner\" is mapped by "
                + "an entity, but no migration creates it")), drift("CREATE TABLE other (id bigint);"));
        List<Coverage.Drift> differs = drift("CREATE TABLE owner (id bigint NOT NULL, email varchar(100));");
        assertEquals(List.of("column \"owner\".\"email\" is varchar(320) in the entity but varchar(100) as the "
                        + "migrations build it"), differs.stream().map(Coverage.Drift::message).toList());
        List<Coverage.Drift> unmapped = drift("CREATE TABLE owner (id bigint NOT NULL, email varchar(320) NOT NULL, "
                + "legacy text);");
        assertEquals(List.of(Coverage.Drift.Kind.UNMAPPED), unmapped.stream().map(Coverage.Drift::kind).toList());
    }

    @Test
    void lintDriftLeavesOutWhatNoReviewerCallsDrift() {
        // wider, another spelling of the family, NULL the database fills with its default
        assertEquals(List.of(), drift("CREATE TABLE owner (id numeric(19,0) NOT NULL, email text NOT NULL);"));
        assertEquals(List.of(), drift("CREATE TABLE owner (id bigint NOT NULL, email varchar(320) DEFAULT '');"));
        // another family is drift
        assertEquals(List.of("column \"owner\".\"email\" is varchar(320) in the entity but integer as the migrations "
                + "build it"), drift("CREATE TABLE owner (id bigint NOT NULL, email int NOT NULL);").stream()
                .map(Coverage.Drift::message).toList());
    }

    /**
     * Lint asks about every mapped table over the same set and replay: the set is hashed, its folders listed and the
     * replayed tables indexed by loose name once, however many tables ask (the identity caches; without them each
     * table did all three, thousands of times on a large project).
     */
    @Test
    void aSetIsHashedListedAndIndexedOnceHoweverManyTablesAsk() {
        List<Table> tables = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            tables.add(Table.table(null, "owner_option_" + i, ENTITY)
                    .withColumn(PG, Column.of("id", SqlType.of("bigint"), false, ENTITY)));
            // the changelog keeps the class name: found only by its loose name
            sql.append("CREATE TABLE OwnerOption").append(i).append(" (id bigint NOT NULL);\n");
        }
        tables.add(Table.table(null, "never_created", ENTITY)
                .withColumn(PG, Column.of("id", SqlType.of("bigint"), false, ENTITY)));
        PhysicalSchema mapped = PhysicalSchema.of(PG, tables, List.of(), List.of());
        MigrationSet set = new MigrationSet("flyway", "", "db/migration", null,
                List.of(migration("db/migration/V1__options.sql", sql.toString())));
        var coverage = new MigrationCoverage(Map.of(), List.of(new MigrationCoverage.Sides(PG, mapped, mapped)),
                () -> List.of(set), new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(), line -> { },
                () -> PG, true, List.of());
        assertEquals(List.of(new Coverage.Drift(Coverage.Drift.Kind.MISSING, ENTITY, "table \"never_created\" is "
                + "mapped by an entity, but no migration creates it")), coverage.drift());
        assertAll(() -> assertEquals(1, coverage.setsHashed, "the set hashed once"),
                () -> assertEquals(1, coverage.foldersListed, "its folders listed once"),
                () -> assertEquals(1, coverage.schemasIndexed, "its replay indexed by loose name once"));
    }

    @Test
    void aProjectWithASetForTheEntitiesDatabaseIsNotComparedWithItsSetsThatNameNone() {
        PhysicalSchema mapped = PhysicalSchema.of(PG, List.of(AFTER), List.of(), List.of());
        MigrationSet postgres = new MigrationSet("flyway", "", "db/migration [POSTGRESQL]", PG, List.of(
                migration("db/migration/POSTGRESQL/V1__a.sql", "CREATE TABLE owner (id bigint NOT NULL, "
                        + "email varchar(320) NOT NULL);")));
        // a vendor folder the tool cannot name (DB2): its set names no database
        MigrationSet db2 = new MigrationSet("flyway", "", "db/migration [DB2]", null, List.of(
                migration("db/migration/DB2/V1__a.sql", "CREATE TABLE owner (id bigint NOT NULL, email varchar(64));")));
        var coverage = new MigrationCoverage(Map.of(), List.of(new MigrationCoverage.Sides(PG, mapped, mapped)),
                () -> List.of(postgres, db2), new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(),
                line -> { }, () -> PG, true, List.of());
        assertEquals(List.of(), coverage.drift());
        // alone, a set that names no database is the run's
        var alone = new MigrationCoverage(Map.of(), List.of(new MigrationCoverage.Sides(PG, mapped, mapped)),
                () -> List.of(db2), new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(),
                line -> { }, () -> PG, true, List.of());
        assertEquals(1, alone.drift().size(), alone.drift()::toString);
    }

    /**
     * Entities in a library module (model), migrations in modules that use it: the application that uses every other
     * module with migrations (app, through lib) is the one whose sets judge them; a library's own set is left aside.
     */
    @Test
    void anEntityInAModuleWithoutMigrationsIsJudgedAgainstTheSetsOfTheApplicationThatUsesIt() {
        Location at = Location.at("model/src/main/java/app/Owner.java", 3, 1);
        Table owner = Table.table(null, "owner", at).withColumn(PG, Column.of("id", SqlType.of("bigint"), false, at))
                .withColumn(PG, Column.of("email", SqlType.of("varchar").withLength(320), false, at));
        PhysicalSchema mapped = PhysicalSchema.of(PG, List.of(owner), List.of(), List.of());
        MigrationSet app = new MigrationSet("flyway", "app", "app db/migration", null, List.of(
                migration("app/src/main/resources/db/migration/V1__a.sql", "CREATE TABLE owner (id bigint NOT NULL);")));
        MigrationSet lib = new MigrationSet("flyway", "lib", "lib db/migration", null, List.of(
                migration("lib/src/main/resources/db/migration/V1__a.sql", "CREATE TABLE owner (id bigint NOT NULL, "
                        + "email varchar(320) NOT NULL);")));
        MigrationSet other = new MigrationSet("flyway", "other", "other db/migration", null, List.of(
                migration("other/src/main/resources/db/migration/V1__a.sql", "CREATE TABLE x (id bigint);")));
        var builds = MemorySnapshot.of(
                "settings.gradle", "include 'model', 'lib', 'app', 'other'",
                "model/build.gradle", "",
                "lib/build.gradle", "dependencies { api project(':model') }",
                "app/build.gradle", "dependencies { implementation project(':lib') }",
                "other/build.gradle", "");
        List<String> debug = new ArrayList<>();
        var coverage = new MigrationCoverage(Map.of(), List.of(new MigrationCoverage.Sides(PG, mapped, mapped)),
                () -> List.of(lib, other, app), new SetReplayer(ReplayCache.none(), "test"), builds, debug::add,
                () -> PG, true, List.of());
        assertEquals(List.of("column \"owner\".\"email\" is mapped by an entity, but no migration creates it"),
                coverage.drift().stream().map(Coverage.Drift::message).toList());
        assertTrue(debug.contains("module model (postgres): judged against the migration sets of app (app uses model); "
                + "those of lib left aside, app uses them and runs its own"), debug::toString);

        // a second application using the model with migrations of its own: neither is known to be the model's
        var twoApps = MemorySnapshot.of(
                "settings.gradle", "include 'model', 'lib', 'app', 'other'",
                "model/build.gradle", "",
                "lib/build.gradle", "dependencies { api project(':model') }",
                "app/build.gradle", "dependencies { implementation project(':lib') }",
                "other/build.gradle", "dependencies { implementation project(':model') }");
        List<String> why = new ArrayList<>();
        var ambiguous = new MigrationCoverage(Map.of(), List.of(new MigrationCoverage.Sides(PG, mapped, mapped)),
                () -> List.of(lib, other, app), new SetReplayer(ReplayCache.none(), "test"), twoApps, why::add,
                () -> PG, true, List.of());
        assertEquals(List.of(), ambiguous.drift());
        assertTrue(why.get(0).startsWith("module model (postgres): not compared: it is part of several applications"),
                why::toString);
    }

    @Test
    void aSetBesideAFileThatCouldNotBeReadIsNotComparedThatFileMayBuildIt() {
        PhysicalSchema mapped = PhysicalSchema.of(PG, List.of(AFTER), List.of(), List.of());
        MigrationSet set = new MigrationSet("flyway", "", "db/migration", null, List.of(
                migration("db/migration/V1__m.sql", "CREATE TABLE owner (id bigint NOT NULL);")));
        List<ParseProblem> problems = new ArrayList<>();
        var coverage = new MigrationCoverage(Map.of(), List.of(new MigrationCoverage.Sides(PG, mapped, mapped)),
                () -> List.of(set), new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(), line -> { },
                () -> PG, true, problems);
        problems.add(new ParseProblem(Location.file("db/migration/V2__email.sql"), "it is 2.0 MiB, over the limit"));
        assertEquals(List.of(), coverage.drift());
        // a file elsewhere says nothing of this set
        problems.set(0, new ParseProblem(Location.file("src/main/java/app/Other.java"), "not parsed"));
        var again = new MigrationCoverage(Map.of(), List.of(new MigrationCoverage.Sides(PG, mapped, mapped)),
                () -> List.of(set), new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(), line -> { },
                () -> PG, true, problems);
        assertEquals(1, again.drift().size(), again.drift()::toString);
    }

    @Test
    void lintDriftJudgesTheColumnsDefinedAfterAStatementNotReadAndSaysWhyTheOthersAreNot() {
        String made = "CREATE TABLE owner (id bigint NOT NULL, email varchar(320) NOT NULL);";
        // a block with a branch is not read (a straight one would be)
        String touches = "DO $$ BEGIN IF random() > 0.5 THEN ALTER TABLE owner ALTER COLUMN email TYPE text; END IF; "
                + "END $$;";
        List<String> debug = new ArrayList<>();
        assertEquals(List.of("column \"owner\".\"email\" is varchar(320) in the entity but varchar(100) as the "
                + "migrations build it"), drift(debug, made, touches, "ALTER TABLE owner DROP COLUMN email;\n"
                + "ALTER TABLE owner ADD COLUMN email varchar(100);").stream().map(Coverage.Drift::message).toList());
        assertEquals(List.of("table \"owner\", migration set db/migration: columns [id] not compared: the table is "
                + "incomplete (a statement not read names it, or one acted on what the replay lacks) since the "
                + "migrations defined them"), debug);

        // the same column before the statement not read: not compared, nor reported as missing when none is made
        debug.clear();
        assertEquals(List.of(), drift(debug, "CREATE TABLE owner (id bigint NOT NULL, email varchar(100));", touches));
        assertEquals(List.of("table \"owner\", migration set db/migration: columns [id, email] not compared: the "
                + "table is incomplete (a statement not read names it, or one acted on what the replay lacks) since "
                + "the migrations defined them"), debug);
        debug.clear();
        assertEquals(List.of(), drift(debug, "CREATE TABLE owner (id bigint NOT NULL);", touches));
        assertTrue(debug.contains("table \"owner\", migration set db/migration: columns [email] made by no migration "
                + "read, not reported: the table is incomplete: what touched it may have made them"), debug::toString);

        // one naming no table: the columns defined before it are not compared, a table made whole after it is
        debug.clear();
        assertEquals(List.of(), drift(debug, "CREATE TABLE owner (id bigint NOT NULL, email varchar(100));",
                "SELECT refresh_everything();"));
        assertEquals(List.of("table \"owner\", migration set db/migration: columns [id, email] not compared: a "
                + "statement not read that may have acted on any table (it names none, or one the replay lacked) may "
                + "have defined them otherwise"), debug);
        assertEquals(1, drift("SELECT refresh_everything();", "CREATE TABLE owner (id bigint NOT NULL);").size());
    }

    @Test
    void lintDriftLeavesOutWhatAStatementNotReadMayHaveChanged() {
        assertEquals(List.of(), drift("CREATE TABLE owner (id bigint NOT NULL);",
                "DO $$ BEGIN EXECUTE 'ALTER TABLE owner ADD email varchar(320) NOT NULL'; END $$;"));
        assertEquals(List.of(), drift("CREATE TABLE other (id bigint);", "SELECT create_owner_table();"));
    }

    @Test
    void anEntityNoSetOfItsProjectBuildsIsNotComparedAndDebugSaysSo() {
        PhysicalSchema mapped = PhysicalSchema.of(PG, List.of(AFTER), List.of(), List.of());
        MigrationSet elsewhere = new MigrationSet("flyway", "tools", "db/migration", null, List.of(
                migration("tools/V1__init.sql", "CREATE TABLE other (id bigint NOT NULL);")));
        List<String> debug = new ArrayList<>();
        var coverage = new MigrationCoverage(Map.of(), List.of(new MigrationCoverage.Sides(PG, mapped, mapped)),
                () -> List.of(elsewhere), new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(),
                debug::add, () -> PG, true, List.of());
        assertEquals(List.of(), coverage.drift());
        assertEquals(List.of("table owner: not compared, no migration set for postgres belongs to the project of "
                + "src/main/java/app/Owner.java"), debug);
    }

    @Test
    void entitiesInOneModuleAreJudgedAgainstTheSetOfTheNearestModule() {
        // entities in server/model, changelogs in server/war: no set holds the entity, the nearest one is its own
        SchemaChange added = new SchemaChange(SchemaChange.Kind.ADDED, SchemaChange.Target.COLUMN, null, "owner", null,
                "email", "column added", Location.at("server/model/src/main/java/app/Owner.java", 3, 1));
        var sides = new MigrationCoverage.Sides(PG, PhysicalSchema.of(PG, List.of(BEFORE), List.of(), List.of()),
                PhysicalSchema.of(PG, List.of(AFTER), List.of(), List.of()));
        MigrationSet war = new MigrationSet("liquibase", "server/war", "db.changelog.xml", null, List.of(
                migration("server/war/V1__init.sql", "CREATE TABLE owner (id bigint NOT NULL, email varchar(320) "
                        + "NOT NULL);")));
        MigrationSet tools = new MigrationSet("flyway", "tools", "db/migration", null, List.of(
                migration("tools/V1__init.sql", "CREATE TABLE owner (id bigint NOT NULL);")));
        var coverage = new MigrationCoverage(Map.of(added, sides), List.of(), () -> List.of(tools, war),
                new SetReplayer(ReplayCache.none(), "test"), MemorySnapshot.of(), line -> { }, () -> PG, true, List.of());
        assertTrue(coverage.alreadyBuilt(added));
    }
}
