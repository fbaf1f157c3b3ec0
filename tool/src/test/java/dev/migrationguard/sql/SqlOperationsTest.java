package dev.migrationguard.sql;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.ColumnDef.Generated;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.AddColumn;
import dev.migrationguard.model.ops.Operation.AddConstraint;
import dev.migrationguard.model.ops.Operation.AddEnumValue;
import dev.migrationguard.model.ops.Operation.AlterColumnDefault;
import dev.migrationguard.model.ops.Operation.AlterColumnNullability;
import dev.migrationguard.model.ops.Operation.AlterColumnType;
import dev.migrationguard.model.ops.Operation.AlterSequence;
import dev.migrationguard.model.ops.Operation.ConstraintKind;
import dev.migrationguard.model.ops.Operation.Copy;
import dev.migrationguard.model.ops.Operation.CreateEnumType;
import dev.migrationguard.model.ops.Operation.CreateIndex;
import dev.migrationguard.model.ops.Operation.CreateSequence;
import dev.migrationguard.model.ops.Operation.CreateTable;
import dev.migrationguard.model.ops.Operation.CreateView;
import dev.migrationguard.model.ops.Operation.DataChange;
import dev.migrationguard.model.ops.Operation.DataKind;
import dev.migrationguard.model.ops.Operation.DropColumn;
import dev.migrationguard.model.ops.Operation.DropConstraint;
import dev.migrationguard.model.ops.Operation.DropIndex;
import dev.migrationguard.model.ops.Operation.DropSequence;
import dev.migrationguard.model.ops.Operation.DropTable;
import dev.migrationguard.model.ops.Operation.DropType;
import dev.migrationguard.model.ops.Operation.DropView;
import dev.migrationguard.model.ops.Operation.IndexKey;
import dev.migrationguard.model.ops.Operation.LockOptions;
import dev.migrationguard.model.ops.Operation.Opaque;
import dev.migrationguard.model.ops.Operation.OpaqueKind;
import dev.migrationguard.model.ops.Operation.RebuildTable;
import dev.migrationguard.model.ops.Operation.RedefineColumn;
import dev.migrationguard.model.ops.Operation.RenameColumn;
import dev.migrationguard.model.ops.Operation.RenameConstraint;
import dev.migrationguard.model.ops.Operation.RenameIndex;
import dev.migrationguard.model.ops.Operation.RenameTable;
import dev.migrationguard.model.ops.Operation.RenameType;
import dev.migrationguard.model.ops.Operation.Routine;
import dev.migrationguard.model.ops.Operation.RoutineKind;
import dev.migrationguard.model.ops.Operation.ValidateConstraint;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.SqlType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQL to operations, kind by kind and dialect by dialect, each at its statement's line and column. */
class SqlOperationsTest {
    private static final String FILE = "db/migration/V2__x.sql";

    static List<Operation> read(Dialect dialect, String sql) {
        return SqlOperations.read(sql, dialect, Location.file(FILE), Side.UP);
    }

    static Origin at(int line, int column) {
        return new Origin(Location.at(FILE, line, column), Side.UP);
    }

    static QualifiedName t(String name) {
        return QualifiedName.of(name);
    }

    static QualifiedName q(String name) {
        return new QualifiedName(null, name, true);
    }

    static ColumnDef column(String name, SqlType type, String typeText, boolean notNull, String defaultValue) {
        return new ColumnDef(name, type, typeText, notNull, defaultValue, null, false, false, null);
    }

    /** One operation a line, so that a failure shows which one differs. */
    static void same(List<?> expected, List<?> actual) {
        assertEquals(lines(expected), lines(actual));
    }

    private static String lines(List<?> items) {
        return String.join("\n", items.stream().map(Object::toString).toList());
    }

    static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put(keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    static SqlType type(Dialect dialect, String spelled) {
        return SqlType.parse(dialect, spelled);
    }

    private static final Dialect PG = Dialect.POSTGRES;

    @Nested
    class Postgres {
        @Test
        void createTableWithInlineAndTableConstraints() {
            var ops = read(PG, """
                    CREATE TABLE IF NOT EXISTS "public"."contest" (
                      "id" serial PRIMARY KEY,
                      "name" character varying(100) NOT NULL DEFAULT 'x'::character varying,
                      "team_id" uuid REFERENCES "team"("id") ON DELETE CASCADE,
                      "starts_at" timestamp with time zone DEFAULT now(),
                      "total" bigint GENERATED ALWAYS AS IDENTITY,
                      CONSTRAINT "UQ_name" UNIQUE ("name"),
                      CONSTRAINT "CHK_total" CHECK ("total" >= 0)
                    );
                    """);
            same(List.of(new CreateTable(at(1, 1), new QualifiedName("public", "contest", true), List.of(
                    new ColumnDef("id", type(PG, "integer"), "serial", true, null,
                            new Generated(Generated.Kind.SERIAL, null), true, false, null),
                    column("name", type(PG, "varchar(100)"), "character varying(100)", true,
                            "'x'::character varying"),
                    new ColumnDef("team_id", type(PG, "uuid"), "uuid", false, null, null, false, false,
                            new ColumnDef.Reference(q("team"), List.of("id"), "CASCADE", null)),
                    column("starts_at", type(PG, "timestamptz"), "timestamp with time zone", false, "now()"),
                    new ColumnDef("total", type(PG, "bigint"), "bigint", false, null,
                            new Generated(Generated.Kind.IDENTITY_ALWAYS, null), false, false, null)),
                    List.of(new Constraint.Unique("UQ_name", List.of("name"), null),
                            new Constraint.Check("CHK_total", "\"total\" >= 0")),
                    true, false, false)), ops);
        }

        @Test
        void createTableAsSelectAndLikeHaveNoKnownColumns() {
            var ops = read(PG, "CREATE TABLE a AS SELECT * FROM b;\nCREATE TABLE c (LIKE d INCLUDING ALL);");
            assertEquals(new CreateTable(at(1, 1), t("a"), List.of(), List.of(), false, false, true), ops.get(0));
            assertEquals(new CreateTable(at(2, 1), t("c"), List.of(), List.of(), false, false, true), ops.get(1));
        }

        @Test
        void dropAndRenameTables() {
            var ops = read(PG, "DROP TABLE IF EXISTS a, s.b CASCADE;\nALTER TABLE a RENAME TO c;");
            same(List.of(new DropTable(at(1, 1), t("a"), true, true),
                    new DropTable(at(1, 1), QualifiedName.of("s", "b"), true, true),
                    new RenameTable(at(2, 1), t("a"), t("c"))), ops);
        }

        @Test
        void severalActionsInOneAlterTableShareTheStatementsOrigin() {
            var ops = read(PG, """
                    -- a comment before
                      ALTER TABLE ONLY "user"
                        ADD COLUMN IF NOT EXISTS "age" integer NOT NULL DEFAULT 0,
                        DROP COLUMN IF EXISTS "legacy" CASCADE,
                        RENAME COLUMN "name" TO "full_name",
                        ALTER COLUMN "email" SET NOT NULL,
                        ALTER COLUMN "bio" DROP NOT NULL,
                        ALTER COLUMN "score" SET DEFAULT random(),
                        ALTER COLUMN "rank" DROP DEFAULT;
                    """);
            Origin o = at(2, 3);
            same(List.of(
                    new AddColumn(o, q("user"), column("age", type(PG, "integer"), "integer", true, "0"), true),
                    new DropColumn(o, q("user"), "legacy", true, true),
                    new RenameColumn(o, q("user"), "name", "full_name"),
                    new AlterColumnNullability(o, q("user"), "email", false),
                    new AlterColumnNullability(o, q("user"), "bio", true),
                    new AlterColumnDefault(o, q("user"), "score", "random()"),
                    new AlterColumnDefault(o, q("user"), "rank", null)), ops);
        }

        @Test
        void typeChangeKeepsItsUsingExpression() {
            var ops = read(PG, """
                    ALTER TABLE a ALTER COLUMN b TYPE bigint USING b::bigint;
                    ALTER TABLE a ALTER COLUMN c SET DATA TYPE varchar(320);
                    """);
            same(List.of(
                    new AlterColumnType(at(1, 1), t("a"), "b", type(PG, "bigint"), "bigint", "b::bigint"),
                    new AlterColumnType(at(2, 1), t("a"), "c", type(PG, "varchar(320)"), "varchar(320)", null)), ops);
        }

        @Test
        void indexesConcurrentlyPartialExpressionsAndMethods() {
            var ops = read(PG, """
                    CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_email" ON "user" ("email");
                    CREATE UNIQUE INDEX ux ON ONLY a USING btree (lower(email), "tenant" DESC) WHERE deleted_at IS NULL;
                    CREATE INDEX ON a USING gin (tags);
                    DROP INDEX CONCURRENTLY IF EXISTS "IDX_email";
                    DROP INDEX s.ix, s.iy;
                    ALTER INDEX "IDX_a" RENAME TO "IDX_b";
                    """);
            same(List.of(
                    new CreateIndex(at(1, 1), "IDX_email", q("user"), List.of(IndexKey.column("email")), false, true,
                            true, null, null),
                    new CreateIndex(at(2, 1), "ux", t("a"), List.of(IndexKey.expression("lower(email)"),
                            IndexKey.column("tenant")), true, false, false, "btree", "deleted_at IS NULL"),
                    new CreateIndex(at(3, 1), null, t("a"), List.of(IndexKey.column("tags")), false, false, false,
                            "gin", null),
                    new DropIndex(at(4, 1), q("IDX_email"), null, true, true),
                    new DropIndex(at(5, 1), QualifiedName.of("s", "ix"), null, false, false),
                    new DropIndex(at(5, 1), QualifiedName.of("s", "iy"), null, false, false),
                    new RenameIndex(at(6, 1), q("IDX_a"), "IDX_b")), ops);
        }

        @Test
        void constraintsNotValidValidateUsingIndexDropAndRename() {
            var ops = read(PG, """
                    ALTER TABLE a ADD CONSTRAINT fk_b FOREIGN KEY (b_id) REFERENCES b (id) ON DELETE SET NULL NOT VALID;
                    ALTER TABLE a VALIDATE CONSTRAINT fk_b;
                    ALTER TABLE a ADD CONSTRAINT chk CHECK (x > 0) NOT VALID;
                    ALTER TABLE a ADD CONSTRAINT uq UNIQUE USING INDEX ux;
                    ALTER TABLE a ADD CONSTRAINT pk PRIMARY KEY (id);
                    ALTER TABLE a ADD CONSTRAINT ex EXCLUDE USING gist (room WITH =, during WITH &&);
                    ALTER TABLE a DROP CONSTRAINT IF EXISTS fk_b;
                    ALTER TABLE a RENAME CONSTRAINT "PK_old" TO "PK_new";
                    """);
            same(List.of(
                    new AddConstraint(at(1, 1), t("a"), new Constraint.ForeignKey("fk_b", List.of("b_id"),
                            new ColumnDef.Reference(t("b"), List.of("id"), "SET NULL", null)), true),
                    new ValidateConstraint(at(2, 1), t("a"), "fk_b"),
                    new AddConstraint(at(3, 1), t("a"), new Constraint.Check("chk", "x > 0"), true),
                    new AddConstraint(at(4, 1), t("a"), new Constraint.Unique("uq", List.of(), "ux"), false),
                    new AddConstraint(at(5, 1), t("a"), new Constraint.PrimaryKey("pk", List.of("id")), false),
                    new AddConstraint(at(6, 1), t("a"), new Constraint.Exclusion("ex",
                            "USING gist(room WITH =, during WITH &&)"), false),
                    new DropConstraint(at(7, 1), t("a"), "fk_b", null, true),
                    new RenameConstraint(at(8, 1), t("a"), "PK_old", "PK_new")), ops);
        }

        @Test
        void viewsSequencesAndEnumTypes() {
            var ops = read(PG, """
                    CREATE OR REPLACE VIEW v AS SELECT a.x FROM a JOIN s.b ON a.id = b.id;
                    CREATE MATERIALIZED VIEW mv AS SELECT * FROM a, c WHERE a.id = c.id;
                    DROP MATERIALIZED VIEW IF EXISTS mv;
                    DROP VIEW v;
                    CREATE SEQUENCE IF NOT EXISTS seq START WITH 10;
                    ALTER SEQUENCE seq RESTART WITH 100;
                    DROP SEQUENCE seq;
                    CREATE TYPE "public"."status_enum" AS ENUM ('new', 'it''s done');
                    ALTER TYPE status_enum ADD VALUE IF NOT EXISTS 'archived' BEFORE 'new';
                    ALTER TYPE "public"."status_enum" RENAME TO "status_enum_old";
                    DROP TYPE IF EXISTS status_enum_old CASCADE;
                    """);
            same(List.of(
                    new CreateView(at(1, 1), t("v"), true, false, List.of(t("a"), QualifiedName.of("s", "b"))),
                    new CreateView(at(2, 1), t("mv"), false, true, List.of(t("a"), t("c"))),
                    new DropView(at(3, 1), t("mv"), true, true),
                    new DropView(at(4, 1), t("v"), false, false),
                    new CreateSequence(at(5, 1), t("seq"), true, "START WITH 10"),
                    new AlterSequence(at(6, 1), t("seq"), "RESTART WITH 100"),
                    new DropSequence(at(7, 1), t("seq"), false),
                    new CreateEnumType(at(8, 1), new QualifiedName("public", "status_enum", true),
                            List.of("new", "it's done")),
                    new AddEnumValue(at(9, 1), t("status_enum"), "archived", "new", null, true),
                    new RenameType(at(10, 1), new QualifiedName("public", "status_enum", true), "status_enum_old"),
                    new DropType(at(11, 1), t("status_enum_old"), true, true)), ops);
        }

        @Test
        void dataStatementsWithTheirTableColumnsAndWhere() {
            var ops = read(PG, """
                    INSERT INTO "public"."team" ("id", "name") VALUES (1, 'a'), (2, 'b');
                    UPDATE team SET name = 'x', "rank" = rank + 1;
                    UPDATE team t SET name = 'y' FROM other o WHERE t.id = o.id;
                    DELETE FROM ONLY team;
                    DELETE FROM team WHERE id IN (SELECT id FROM other WHERE x);
                    TRUNCATE TABLE a, b RESTART IDENTITY CASCADE;
                    MERGE INTO team USING other ON team.id = other.id WHEN MATCHED THEN DELETE;
                    WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved;
                    INSERT INTO b (x, y) SELECT x, lower(y) AS y FROM a;
                    UPDATE team SET done = NOT done, code = concat('x.', team.code), name = o.name, lower = lower(y) FROM o;
                    """);
            same(List.of(
                    new DataChange(at(1, 1), DataKind.INSERT, new QualifiedName("public", "team", true),
                            List.of("id", "name"), false, null),
                    new DataChange(at(2, 1), DataKind.UPDATE, t("team"), List.of("name", "rank"), false, null,
                            ordered("name", "'x'", "rank", "rank + 1"), List.of(), Map.of("rank", "rank + 1")),
                    new DataChange(at(3, 1), DataKind.UPDATE, t("team"), List.of("name"), true, null,
                            ordered("name", "'y'"), List.of(t("other"))),
                    new DataChange(at(4, 1), DataKind.DELETE, t("team"), List.of(), false, null),
                    new DataChange(at(5, 1), DataKind.DELETE, t("team"), List.of(), true, null),
                    new DataChange(at(6, 1), DataKind.TRUNCATE, t("a"), List.of(), false, null),
                    new DataChange(at(6, 1), DataKind.TRUNCATE, t("b"), List.of(), false, null),
                    new DataChange(at(7, 1), DataKind.MERGE, t("team"), List.of(), false, null),
                    new DataChange(at(8, 1), DataKind.INSERT, t("b"), List.of(), false, null, Map.of(),
                            List.of(t("moved"))),
                    new DataChange(at(9, 1), DataKind.INSERT, t("b"), List.of("x", "y"), false,
                            new Copy(t("a"), ordered("x", "x", "y", "lower(y)")), Map.of(), List.of(t("a"))),
                    // set from its own old value: done, code; from another table's column or a function's name: not
                    new DataChange(at(10, 1), DataKind.UPDATE, t("team"), List.of("done", "code", "name", "lower"),
                            false, null, ordered("done", "NOT done", "code", "concat('x.', team.code)", "name", "name",
                                    "lower", "lower(y)"), List.of(t("o")),
                            ordered("done", "NOT done", "code", "concat('x.', team.code)"))), ops);
        }

        @Test
        void dataStatementsNameTheTablesTheyReadAndWhatAnUpdateSets() {
            var ops = read(PG, """
                    UPDATE job j SET owner = (SELECT u.name FROM app_user u WHERE u.id = j.user_id), year = EXTRACT(YEAR FROM j.created), tag = TRIM(LEADING '|' FROM j.tag);
                    UPDATE sp_target_type SET type_key = name;
                    UPDATE sp_rollout SET weight = 1000 WHERE weight IS NULL;
                    INSERT INTO jobs (id, name) SELECT r.id, m.name FROM job_requests r, extra x JOIN job_metadata m ON m.id = r.id WHERE r.id IN (SELECT id FROM ONLY seen);
                    """);
            same(List.of(
                    new DataChange(at(1, 1), DataKind.UPDATE, t("job"), List.of("owner", "year", "tag"), false, null,
                            ordered("owner", "(SELECT u.name FROM app_user u WHERE u.id = j.user_id)",
                                    "year", "EXTRACT(YEAR FROM j.created)", "tag", "TRIM(LEADING '|' FROM j.tag)"),
                            List.of(t("app_user"))),
                    new DataChange(at(2, 1), DataKind.UPDATE, t("sp_target_type"), List.of("type_key"), false, null,
                            ordered("type_key", "name"), List.of()),
                    new DataChange(at(3, 1), DataKind.UPDATE, t("sp_rollout"), List.of("weight"), true, null,
                            ordered("weight", "1000"), List.of()),
                    new DataChange(at(4, 1), DataKind.INSERT, t("jobs"), List.of("id", "name"), false, null,
                            Map.of(), List.of(t("job_requests"), t("extra"), t("job_metadata"), t("seen")))), ops);
        }

        @Test
        void flywayPlaceholdersStayInTheNames() {
            var ops = read(PG, "ALTER TABLE ${schema}.account ADD COLUMN note text;\n"
                    + "CREATE INDEX ix ON ${schema}.account (note);");
            same(List.of(
                    new AddColumn(at(1, 1), QualifiedName.of("${schema}", "account"),
                            column("note", type(PG, "text"), "text", false, null), false),
                    new CreateIndex(at(2, 1), "ix", QualifiedName.of("${schema}", "account"),
                            List.of(IndexKey.column("note")), false, false, false, null, null)), ops);
        }

        @Test
        void whatCannotBeReadIsOpaqueAndNamesTheTablesItMentions() {
            var ops = read(PG, """
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'x') THEN
                        UPDATE "account" SET flag = true;
                      END IF;
                    END $$;
                    CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $f$ BEGIN NEW.at = now(); RETURN NEW; END $f$ LANGUAGE plpgsql;
                    CREATE TRIGGER t_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE PROCEDURE touch();
                    GRANT SELECT ON TABLE account TO reader;
                    COMMENT ON COLUMN account.flag IS 'set by the job';
                    SET search_path TO public;
                    SELECT setval('account_id_seq', 100);
                    CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
                    ALTER TABLE account OWNER TO app;
                    """);
            same(List.of(
                    new Opaque(at(1, 1), OpaqueKind.PROCEDURAL, "DO", List.of(t("pg_type"), q("account"))),
                    new Routine(at(6, 1), RoutineKind.FUNCTION, t("touch"), false, null, List.of()),
                    new Routine(at(7, 1), RoutineKind.TRIGGER, t("t_touch"), false, null, List.of()),
                    new Opaque(at(8, 1), OpaqueKind.PRIVILEGE, "GRANT", List.of(t("account"))),
                    new Opaque(at(9, 1), OpaqueKind.COMMENT, "COMMENT ON COLUMN", List.of(t("account"))),
                    new Opaque(at(10, 1), OpaqueKind.SESSION, "SET", List.of()),
                    new Opaque(at(11, 1), OpaqueKind.PROCEDURAL, "SELECT", List.of()),
                    new Opaque(at(12, 1), OpaqueKind.OTHER_OBJECT, "CREATE EXTENSION", List.of()),
                    new Opaque(at(13, 1), OpaqueKind.PRIVILEGE, "ALTER TABLE OWNER", List.of(t("account")))), ops);
        }

        @Test
        void storageParametersAreTableOptions() {
            same(List.of(new Operation.TableOptions(at(1, 1), t("metric"), "SET(fillfactor = 90)")),
                    read(PG, "ALTER TABLE metric SET (fillfactor = 90)"));
        }

        @Test
        void textThatIsNoStatementIsUnread() {
            var ops = read(PG, "frobnicate the widgets;");
            same(List.of(new Opaque(at(1, 1), OpaqueKind.UNREAD, "FROBNICATE", List.of())), ops);
        }
    }

    @Nested
    class Routines {
        @Test
        void plpgsqlDefinitionsAreRoutinesAndTheirSelectIntoFillsVariablesNotTables() {
            var ops = read(PG, """
                    CREATE OR REPLACE FUNCTION job_count(p_status text) RETURNS integer AS $body$
                    DECLARE n integer;
                    BEGIN
                      SELECT count(*) INTO n FROM jobs WHERE status = p_status;
                      INSERT INTO job_audit (status, total) VALUES (p_status, n) RETURNING id INTO n;
                      RETURN n;
                    END;
                    $body$ LANGUAGE plpgsql STABLE;
                    CREATE PROCEDURE archive() LANGUAGE plpgsql AS $$
                    BEGIN
                      ALTER TABLE jobs ADD COLUMN archived boolean;
                    END $$;
                    DROP TRIGGER IF EXISTS jobs_touch ON jobs;
                    DROP FUNCTION job_count(text), other_fn;
                    DROP PROCEDURE archive;
                    """);
            same(List.of(
                    new Routine(at(1, 1), RoutineKind.FUNCTION, t("job_count"), false, null,
                            List.of(t("jobs"), t("job_audit"))),
                    new Routine(at(9, 1), RoutineKind.PROCEDURE, t("archive"), false,
                            List.of(new AddColumn(at(11, 3), t("jobs"),
                                    column("archived", type(PG, "boolean"), "boolean", false, null), false)),
                            List.of(t("jobs"))),
                    new Routine(at(13, 1), RoutineKind.TRIGGER, t("jobs_touch"), true, null, List.of()),
                    new Routine(at(14, 1), RoutineKind.FUNCTION, t("job_count"), true, null, List.of()),
                    new Routine(at(14, 1), RoutineKind.FUNCTION, t("other_fn"), true, null, List.of()),
                    new Routine(at(15, 1), RoutineKind.PROCEDURE, t("archive"), true, null, List.of())), ops);
        }

        @Test
        void aDoBlockThatIsAStraightListIsReadAndAnyOtherIsOpaque() {
            var ops = read(PG, """
                    DO $$
                    BEGIN
                      ALTER TABLE jobs ADD COLUMN tag text;
                      CREATE INDEX jobs_tag ON jobs (tag);
                    END $$;
                    DO $do$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'job_state') THEN
                        CREATE TYPE job_state AS ENUM ('new', 'done');
                      END IF;
                    END $do$;
                    DO $$ DECLARE r record; BEGIN
                      FOR r IN SELECT id INTO v FROM jobs LOOP EXECUTE 'ALTER TABLE ' || r.id; END LOOP;
                    END $$;
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'other') THEN
                        CREATE TYPE job_state AS ENUM ('new');
                      END IF;
                    END $$;
                    """);
            same(List.of(
                    new AddColumn(at(3, 3), t("jobs"), column("tag", type(PG, "text"), "text", false, null), false),
                    new CreateIndex(at(4, 3), "jobs_tag", t("jobs"), List.of(IndexKey.column("tag")), false, false,
                            false, null, null),
                    new CreateEnumType(at(8, 5), t("job_state"), List.of("new", "done")),
                    new Opaque(at(11, 1), OpaqueKind.PROCEDURAL, "DO", List.of(t("jobs"))),
                    new Opaque(at(14, 1), OpaqueKind.PROCEDURAL, "DO", List.of(t("pg_type")))), ops);
        }

        @Test
        void aMysqlProcedureSplitAtGoLinesKeepsItsBodyAndGuardedStatementsCountAsRun() {
            String file = """
                    /* DELIMITER GO */
                    DROP PROCEDURE IF EXISTS addFks
                    GO
                    CREATE PROCEDURE addFks()
                    BEGIN
                        IF 0 = (SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE
                               CONSTRAINT_NAME = 'FK_a_person') THEN
                            ALTER TABLE Activity ADD CONSTRAINT FK_a_person FOREIGN KEY (actor_id) REFERENCES HPerson(id);
                        END IF;
                    END
                    GO
                    CALL addFks()
                    GO
                    DROP PROCEDURE addFks
                    GO
                    """;
            Dialect my = Dialect.MYSQL;
            var ops = SqlOperations.read(file, my, Location.file(FILE), Side.UP, "\\nGO");
            Operation fk = new AddConstraint(at(8, 9), t("Activity"), new Constraint.ForeignKey("FK_a_person",
                    List.of("actor_id"), new ColumnDef.Reference(t("HPerson"), List.of("id"), null, null)), false);
            same(List.of(
                    new Routine(at(2, 1), RoutineKind.PROCEDURE, t("addFks"), true, null, List.of()),
                    new Routine(at(4, 1), RoutineKind.PROCEDURE, t("addFks"), false, List.of(fk),
                            List.of(QualifiedName.of("information_schema", "TABLE_CONSTRAINTS"), t("Activity"),
                                    t("HPerson"))),
                    new Opaque(at(12, 1), OpaqueKind.PROCEDURAL, "CALL", List.of(), t("addFks")),
                    new Routine(at(14, 1), RoutineKind.PROCEDURE, t("addFks"), true, null, List.of())), ops);

            var unguarded = SqlOperations.read(file.replace("'FK_a_person'", "'FK_other'"), my, Location.file(FILE),
                    Side.UP, "GO");
            assertEquals(null, ((Routine) unguarded.get(1)).body(), "the guard looks for another constraint");
            assertEquals(new Opaque(at(4, 1), OpaqueKind.PROCEDURAL, "CREATE PROCEDURE",
                            List.of(QualifiedName.of("information_schema", "TABLE_CONSTRAINTS"), t("Activity"),
                                    t("HPerson"))),
                    read(my, file).get(1), "split at each semicolon, the definition is cut inside its body");
        }
    }

    @Nested
    class MySql {
        private static final Dialect MY = Dialect.MYSQL;

        @Test
        void createTableWithBackticksAutoIncrementAndInlineKeys() {
            var ops = read(MY, """
                    CREATE TABLE `order` (
                      `id` bigint unsigned NOT NULL AUTO_INCREMENT,
                      `code` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
                      `updated` datetime DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                      PRIMARY KEY (`id`),
                      UNIQUE KEY `uk_code` (`code`),
                      KEY `ix_updated` (`updated`),
                      FULLTEXT KEY `ft_code` (`code`)
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                    """);
            same(List.of(
                    new CreateTable(at(1, 1), q("order"), List.of(
                            new ColumnDef("id", type(MY, "bigint unsigned"), "bigint unsigned", true, null,
                                    new Generated(Generated.Kind.AUTO_INCREMENT, null), false, false, null),
                            column("code", type(MY, "varchar(32)"), "varchar(32)", true, null),
                            column("updated", type(MY, "datetime"), "datetime", false, "CURRENT_TIMESTAMP")),
                            List.of(new Constraint.PrimaryKey(null, List.of("id")),
                                    new Constraint.Unique("uk_code", List.of("code"), null)),
                            false, false, false),
                    new CreateIndex(at(1, 1), "ix_updated", q("order"), List.of(IndexKey.column("updated")), false,
                            false, false, null, null),
                    new CreateIndex(at(1, 1), "ft_code", q("order"), List.of(IndexKey.column("code")), false, false,
                            false, "FULLTEXT", null)), ops);
        }

        @Test
        void modifyChangeIndexesAndLockOptions() {
            var ops = read(MY, """
                    ALTER TABLE `user` MODIFY `name` varchar(100) NULL, CHANGE COLUMN `mail` `email` varchar(320) NOT NULL,
                      ADD INDEX `ix_name` (`name`(10)), DROP INDEX `ix_old`, DROP FOREIGN KEY `fk_x`, DROP PRIMARY KEY,
                      RENAME INDEX `a` TO `b`, ALGORITHM=INPLACE, LOCK=NONE;
                    CREATE INDEX ix ON t (c) ALGORITHM = COPY;
                    DROP INDEX ix ON t;
                    RENAME TABLE a TO b, c TO d;
                    """);
            QualifiedName user = q("user");
            same(List.of(
                    new RedefineColumn(at(1, 1), user, "name",
                            column("name", type(MY, "varchar(100)"), "varchar(100)", false, null)),
                    new RedefineColumn(at(1, 1), user, "mail",
                            column("email", type(MY, "varchar(320)"), "varchar(320)", true, null)),
                    new CreateIndex(at(1, 1), "ix_name", user, List.of(IndexKey.column("name")), false, false, false,
                            null, null),
                    new DropIndex(at(1, 1), QualifiedName.of("ix_old"), user, false, false),
                    new DropConstraint(at(1, 1), user, "fk_x", ConstraintKind.FOREIGN_KEY, false),
                    new DropConstraint(at(1, 1), user, null, ConstraintKind.PRIMARY_KEY, false),
                    new RenameIndex(at(1, 1), QualifiedName.of("a"), "b"),
                    new LockOptions(at(1, 1), user, "INPLACE", "NONE"),
                    new CreateIndex(at(4, 1), "ix", t("t"), List.of(IndexKey.column("c")), false, false, false, null,
                            null),
                    new LockOptions(at(4, 1), t("t"), "COPY", null),
                    new DropIndex(at(5, 1), t("ix"), t("t"), false, false),
                    new RenameTable(at(6, 1), t("a"), t("b")),
                    new RenameTable(at(6, 1), t("c"), t("d"))), ops);
        }

        @Test
        void delimiterBlocksAreOneStatementEach() {
            var ops = read(MY, """
                    DELIMITER //
                    CREATE PROCEDURE p() BEGIN UPDATE t SET a = 1; END //
                    DELIMITER ;
                    ALTER TABLE t ADD COLUMN b int;
                    """);
            assertEquals(2, ops.size(), ops.toString());
            assertEquals(new Routine(at(2, 1), RoutineKind.PROCEDURE, t("p"), false,
                    List.of(new DataChange(at(2, 28), DataKind.UPDATE, t("t"), List.of("a"), false, null,
                            Map.of("a", "1"), List.of())), List.of(t("t"))), ops.get(0));
            assertEquals(new AddColumn(at(4, 1), t("t"), column("b", type(MY, "int"), "int", false, null), false),
                    ops.get(1));
        }

        @Test
        void storageOptionsAreTableOptionsNotOpaque() {
            var ops = read(MY, "ALTER TABLE t ENGINE = InnoDB;\nALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;");
            same(List.of(new Operation.TableOptions(at(1, 1), t("t"), "ENGINE = InnoDB"),
                    new Operation.TableOptions(at(2, 1), t("t"), "CONVERT TO CHARACTER SET utf8mb4")), ops);
        }

        @Test
        void replaceIntoAndInsertIgnoreAreInserts() {
            var ops = read(Dialect.MARIADB, "REPLACE INTO a (x) VALUES (1);\nINSERT IGNORE INTO b VALUES (2);");
            same(List.of(new DataChange(at(1, 1), DataKind.INSERT, t("a"), List.of("x"), false, null),
                    new DataChange(at(2, 1), DataKind.INSERT, t("b"), List.of(), false, null)), ops);
        }
    }

    @Nested
    class Sqlite {
        private static final Dialect LITE = Dialect.SQLITE;

        @Test
        void typeOrmsRebuildIsOneOperationWithTheColumnCopy() {
            var ops = read(LITE, """
                    DROP INDEX "IDX_user_email";
                    CREATE TABLE "temporary_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "full_name" varchar NOT NULL, "age" integer);
                    INSERT INTO "temporary_user"("id", "full_name") SELECT "id", "name" FROM "user";
                    DROP TABLE "user";
                    ALTER TABLE "temporary_user" RENAME TO "user";
                    CREATE INDEX "IDX_user_email" ON "user" ("full_name");
                    """);
            CreateTable definition = new CreateTable(at(2, 1), q("user"), List.of(
                    new ColumnDef("id", type(LITE, "integer"), "integer", true, null,
                            new Generated(Generated.Kind.AUTO_INCREMENT, null), true, false, null),
                    column("full_name", type(LITE, "varchar"), "varchar", true, null),
                    column("age", type(LITE, "integer"), "integer", false, null)), List.of(), false, false, false);
            same(List.of(
                    new DropIndex(at(1, 1), q("IDX_user_email"), null, false, false),
                    new RebuildTable(at(2, 1), q("user"), definition, ordered("id", "id", "full_name", "name")),
                    new CreateIndex(at(6, 1), "IDX_user_email", q("user"), List.of(IndexKey.column("full_name")),
                            false, false, false, null, null)), ops);
        }

        @Test
        void aColumnCalledKeyIsAColumnNotAnIndex() {
            var ops = read(LITE, "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);\n"
                    + "ALTER TABLE settings ADD index INTEGER;");
            same(List.of(new CreateTable(at(1, 1), t("settings"), List.of(
                            new ColumnDef("key", type(LITE, "text"), "TEXT", true, null, null, true, false, null),
                            column("value", type(LITE, "text"), "TEXT", false, null)), List.of(), false, false, false),
                    new AddColumn(at(2, 1), t("settings"), column("index", type(LITE, "integer"), "INTEGER", false,
                            null), false)), ops);
        }

        @Test
        void anUnrelatedCreateTableIsNoRebuild() {
            var ops = read(LITE, "CREATE TABLE a (id integer);\nDROP TABLE b;\nALTER TABLE c RENAME TO b;");
            assertEquals(3, ops.size());
            assertInstanceOf(CreateTable.class, ops.get(0));
        }

        @Test
        void withoutRowidAndPragmas() {
            var ops = read(LITE, "PRAGMA foreign_keys = OFF;\nCREATE TABLE k (a text PRIMARY KEY) WITHOUT ROWID;");
            assertEquals(new Opaque(at(1, 1), OpaqueKind.SESSION, "PRAGMA", List.of()), ops.get(0));
            assertEquals(new CreateTable(at(2, 1), t("k"), List.of(new ColumnDef("a", type(LITE, "text"), "text",
                    true, null, null, true, false, null)), List.of(), false, false, false), ops.get(1));
        }
    }

    @Nested
    class H2 {
        @Test
        void setNullAliasesAndTheEndOfAProcedureFragment() {
            var ops = read(Dialect.H2, """
                    ALTER TABLE job ALTER COLUMN host SET NULL;
                    CREATE ALIAS SPLIT FOR "com.example.Functions.split";
                    END IF;
                    END;
                    """);
            same(List.of(new AlterColumnNullability(at(1, 1), t("job"), "host", true),
                    new Opaque(at(2, 1), OpaqueKind.PROCEDURAL, "CREATE ALIAS", List.of()),
                    new Opaque(at(3, 1), OpaqueKind.PROCEDURAL, "END", List.of()),
                    new Opaque(at(4, 1), OpaqueKind.SESSION, "END", List.of())), ops);
        }
    }

    @Nested
    class SqlServerAndOracle {
        @Test
        void bracketsAddListsDefaultConstraintsAndAlterColumn() {
            Dialect ms = Dialect.MSSQL;
            var ops = read(ms, """
                    ALTER TABLE [dbo].[account] ADD [note] nvarchar(max) NULL, [flag] bit NOT NULL
                    GO
                    ALTER TABLE [dbo].[account] ADD CONSTRAINT [DF_flag] DEFAULT 0 FOR [flag];
                    ALTER TABLE [dbo].[account] ALTER COLUMN [note] nvarchar(200) NOT NULL;
                    ALTER TABLE [dbo].[account] WITH NOCHECK ADD CONSTRAINT [FK_a] FOREIGN KEY ([b]) REFERENCES [dbo].[b] ([id]);
                    """);
            QualifiedName account = new QualifiedName("dbo", "account", true);
            same(List.of(
                    new AddColumn(at(1, 1), account, column("note", type(ms, "nvarchar(max)"), "nvarchar(MAX)", false,
                            null), false),
                    new AddColumn(at(1, 1), account, column("flag", type(ms, "bit"), "bit", true, null), false),
                    new AlterColumnDefault(at(3, 1), account, "flag", "0", "DF_flag"),
                    new RedefineColumn(at(4, 1), account, "note",
                            column("note", type(ms, "nvarchar(200)"), "nvarchar(200)", true, null)),
                    new AddConstraint(at(5, 1), account, new Constraint.ForeignKey("FK_a", List.of("b"),
                            new ColumnDef.Reference(new QualifiedName("dbo", "b", true), List.of("id"), null, null)),
                            true)), ops);
        }

        @Test
        void aNamedInlineDefaultKeepsItsConstraintName() {
            Dialect ms = Dialect.MSSQL;
            var ops = read(ms, """
                    ALTER TABLE lamp ADD watts INT NOT NULL CONSTRAINT DF_lamp_watts DEFAULT 40;
                    ALTER TABLE lamp ADD [shade] VARCHAR(10) CONSTRAINT [DF_lamp_shade] DEFAULT '' NOT NULL;
                    ALTER TABLE lamp ADD bulb VARCHAR(10) CONSTRAINT CK_lamp_bulb CHECK (bulb <> '') DEFAULT 'led';
                    ALTER TABLE lamp ADD plug VARCHAR(10) DEFAULT 'eu';
                    CREATE TABLE socket (id INT CONSTRAINT PK_socket PRIMARY KEY, volts INT CONSTRAINT DF_socket_volts DEFAULT 230);
                    ALTER TABLE lamp DROP CONSTRAINT DF_lamp_watts;
                    """);
            ColumnDef watts = ((AddColumn) ops.get(0)).column();
            assertEquals("40", watts.defaultValue());
            assertEquals("DF_lamp_watts", watts.defaultConstraint());
            assertTrue(watts.notNull());
            ColumnDef shade = ((AddColumn) ops.get(1)).column();
            assertEquals("DF_lamp_shade", shade.defaultConstraint());
            assertTrue(shade.notNull());
            assertNull(((AddColumn) ops.get(2)).column().defaultConstraint(), "the name is the check's");
            assertNull(((AddColumn) ops.get(3)).column().defaultConstraint());
            var socket = (CreateTable) ops.get(4);
            assertNull(socket.columns().get(0).defaultConstraint());
            assertEquals("DF_socket_volts", socket.columns().get(1).defaultConstraint());
            same(List.of(new DropConstraint(at(6, 1), t("lamp"), "DF_lamp_watts", null, false)), ops.subList(5, 6));
        }

        @Test
        void spRenameIsARename() {
            var ops = read(Dialect.MSSQL, """
                    EXEC sp_rename 'dbo.Customer.Phone', 'PhoneNumber', 'COLUMN';
                    EXEC sp_rename N'dbo.Customer', N'Client';
                    EXEC sp_rename 'dbo.Client.IX_a', 'IX_b', 'INDEX';
                    EXEC dbo.cleanup;
                    """);
            same(List.of(
                    new RenameColumn(at(1, 1), QualifiedName.of("dbo", "Customer"), "Phone", "PhoneNumber"),
                    new RenameTable(at(2, 1), QualifiedName.of("dbo", "Customer"), t("Client")),
                    new RenameIndex(at(3, 1), t("IX_a"), "IX_b"),
                    new Opaque(at(4, 1), OpaqueKind.PROCEDURAL, "EXEC", List.of())), ops);
        }

        @Test
        void oracleAddAndModifyLists() {
            Dialect ora = Dialect.ORACLE;
            var ops = read(ora, """
                    ALTER TABLE account ADD (note VARCHAR2(200), score NUMBER(10,2) DEFAULT 0 NOT NULL);
                    ALTER TABLE account MODIFY (note VARCHAR2(400));
                    ALTER TABLE account MODIFY score NULL;
                    """);
            same(List.of(
                    new AddColumn(at(1, 1), t("account"), column("note", type(ora, "varchar2(200)"), "VARCHAR2(200)",
                            false, null), false),
                    new AddColumn(at(1, 1), t("account"), column("score", type(ora, "number(10,2)"), "NUMBER(10, 2)",
                            true, "0"), false),
                    new AlterColumnType(at(2, 1), t("account"), "note", type(ora, "varchar2(400)"), "VARCHAR2(400)",
                            null),
                    new AlterColumnNullability(at(3, 1), t("account"), "score", true)), ops);
        }
    }

    @Test
    void locationsCountFromTheBaseOfAnEmbeddedScript() {
        // SQL inside a TypeORM template string that opens at line 12, column 35 of the migration
        String sql = "ALTER TABLE \"a\" ADD \"b\" int;\n        ALTER TABLE \"a\" DROP COLUMN \"c\"";
        var ops = SqlOperations.read(sql, PG, Location.at("src/m.ts", 12, 35), Side.DOWN);
        assertEquals(new Origin(Location.at("src/m.ts", 12, 35), Side.DOWN), ops.get(0).origin());
        assertEquals(new Origin(Location.at("src/m.ts", 13, 9), Side.DOWN), ops.get(1).origin());
    }

    @Test
    void windowsLineEndsCountOnce() {
        var ops = read(PG, "DROP TABLE a;\r\n\r\nDROP TABLE b;\rDROP TABLE c;");
        same(List.of(at(1, 1), at(3, 1), at(4, 1)), ops.stream().map(Operation::origin).toList());
    }
}
