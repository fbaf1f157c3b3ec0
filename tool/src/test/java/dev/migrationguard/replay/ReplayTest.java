package dev.migrationguard.replay;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Generated;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.sql.SqlOperations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest {
    private static final String V1 = "db/migration/V1__users.sql";
    private static final String V2 = "db/migration/V2__orders.sql";
    private static final String V3 = "db/migration/V3__email.sql";
    private static final String V4 = "db/migration/V4__accounts.sql";

    private static final MigrationSet FLYWAY_HISTORY = Histories.of("flyway", Dialect.POSTGRES)
            .up(V1, """
                    CREATE TABLE users (
                      id serial PRIMARY KEY,
                      email varchar(255) NOT NULL,
                      created_at timestamptz DEFAULT now()
                    );
                    CREATE UNIQUE INDEX users_email_idx ON users (email);
                    """)
            .up(V2, """
                    CREATE TABLE orders (
                      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      user_id integer REFERENCES users (id) ON DELETE CASCADE,
                      total numeric(10, 2)
                    );
                    ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID;
                    """)
            .up(V3, """
                    ALTER TABLE users RENAME COLUMN email TO email_address;
                    ALTER TABLE users ALTER COLUMN email_address TYPE varchar(320);
                    ALTER TABLE users ALTER COLUMN created_at SET NOT NULL;
                    """)
            .up(V4, """
                    ALTER TABLE users RENAME TO accounts;
                    ALTER TABLE orders VALIDATE CONSTRAINT total_positive;
                    CREATE TYPE mood AS ENUM ('sad', 'ok');
                    ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok';
                    ALTER TABLE accounts ADD COLUMN mood mood;
                    CREATE SEQUENCE invoice_seq INCREMENT BY 5;
                    CREATE VIEW rich AS SELECT * FROM accounts;
                    """)
            .set();

    private static ReplayState replay(MigrationSet set) {
        ReplayState s = ReplayState.start(set.dialect());
        for (Migration m : set.migrations()) s = Replay.apply(s, m, Side.UP);
        return s;
    }

    @Test
    void aFlywayHistoryBuildsItsTablesKeysIndexesTypesAndViews() {
        ReplayState state = replay(FLYWAY_HISTORY);
        PhysicalSchema schema = state.schema();
        Dialect pg = Dialect.POSTGRES;
        assertNull(schema.table(null, "users"), "renamed away");
        Table accounts = schema.table(null, "accounts");
        assertEquals(List.of("id", "email_address", "created_at", "mood"),
                accounts.columns().stream().map(Column::name).toList(), "a renamed column keeps its place");
        Column email = accounts.column(pg, "email_address");
        assertEquals(SqlType.of("varchar").withLength(320), email.type());
        assertEquals(false, email.nullable());
        assertEquals(V3, email.location().path(), "the fact points at the statement that set it last");
        assertEquals(2, email.location().line());
        Column id = accounts.column(pg, "id");
        assertEquals(Generated.SEQUENCE, id.generated());
        assertEquals(List.of("id"), accounts.primaryKey().columns());
        assertEquals(false, accounts.column(pg, "created_at").nullable());
        assertEquals(ColumnDefault.of("CURRENT_TIMESTAMP"), accounts.column(pg, "created_at").defaultValue());
        assertEquals(List.of("email_address"), accounts.indexes().get(0).columns(), "the index follows the rename");
        assertEquals(true, accounts.uniqueColumn(pg, "email_address"));
        assertEquals(SqlType.of("mood"), accounts.column(pg, "mood").type());

        Table orders = schema.table(null, "orders");
        ForeignKey fk = orders.foreignKeys().get(0);
        assertEquals("accounts", fk.referencedTable(), "the foreign key follows its target's rename");
        assertEquals(List.of("id"), fk.referencedColumns());
        assertEquals("CASCADE", fk.onDelete());
        assertEquals("NO ACTION", fk.onUpdate());
        assertEquals(Generated.IDENTITY_ALWAYS, orders.column(pg, "id").generated());
        assertEquals("total>0", orders.checks().get(0).expression());

        assertEquals(List.of("sad", "ok", "happy"), schema.enumTypes().get("mood").values());
        assertEquals(5L, schema.sequences().get("invoice_seq").increment());
        assertTrue(schema.table(null, "rich").view());
        assertTrue(schema.complete());
        assertTrue(accounts.complete() && orders.complete());
        assertEquals(0, state.opaque());
        assertEquals(0, state.unresolved());
        assertTrue(state.notValid().isEmpty(), "validated in V4");
    }

    @Test
    void aConstraintAddedNotValidIsKeptAsSuchUntilValidated() {
        MigrationSet set = FLYWAY_HISTORY;
        ReplayState afterV2 = ReplayState.start(Dialect.POSTGRES);
        for (Migration m : set.migrations().subList(0, 2)) afterV2 = Replay.apply(afterV2, m, Side.UP);
        assertEquals(1, afterV2.notValid().size());
        ReplayState.NotValid n = afterV2.notValid().get(0);
        assertEquals("orders", n.table());
        assertEquals("total_positive", n.constraint());
        assertEquals(new Location(V2, 6, 1), n.location());
    }

    @Test
    void mysqlConvertToCharacterSetMakesTheTextColumnsTypesUnknown() {
        ReplayState state = replay(Histories.of("flyway", Dialect.MYSQL)
                .up(V1, "CREATE TABLE term (id int, value text NOT NULL, label varchar(20), body longtext, n int);")
                .up(V2, "ALTER TABLE term CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;")
                .set());
        Table term = state.schema().table(null, "term");
        Dialect my = Dialect.MYSQL;
        // a latin1 TEXT becomes MEDIUMTEXT in utf8mb4, one already in utf8mb4 stays TEXT: which it was is not known
        assertNull(term.column(my, "value").type());
        assertNull(term.column(my, "label").type());
        assertEquals(false, term.column(my, "value").nullable(), "only the type changes");
        assertEquals(SqlType.of("longtext"), term.column(my, "body").type(), "LONGTEXT holds any length already");
        assertEquals(SqlType.of("int"), term.column(my, "n").type());
    }

    @Test
    void anOpaqueStatementMakesWhatItNamesUnknownAndOneNamingNothingTheSchema() {
        MigrationSet set = Histories.of("flyway", Dialect.POSTGRES)
                .up(V1, "CREATE TABLE users (id int PRIMARY KEY, name text);\nCREATE TABLE teams (id int);")
                .up(V2, """
                        DO $$ DECLARE n int; BEGIN
                          SELECT count(*) INTO n FROM users;
                          IF n > 0 THEN ALTER TABLE users ADD COLUMN nickname text; END IF;
                        END $$;
                        CREATE FUNCTION touch() RETURNS trigger AS $f$ BEGIN UPDATE teams SET id = 1; RETURN NEW; END $f$ LANGUAGE plpgsql;
                        COMMENT ON TABLE teams IS 'x';
                        """)
                .set();
        ReplayState state = replay(set);
        assertFalse(state.schema().table(null, "users").complete(), "the DO block names users");
        assertTrue(state.schema().table(null, "teams").complete(), "a function body does not run at migration time");
        assertTrue(state.schema().complete(), "n is a variable the SELECT fills, not a table");
        assertEquals(2, state.opaque(), "the function is a definition, not a statement that was not read");

        // A procedure whose body a missed DELIMITER made swallow later statements (seen in genie's MySQL history).
        ReplayState withJobs = replay(Histories.of("flyway", Dialect.MYSQL).up(V1, "CREATE TABLE jobs (id int);").set());
        ReplayState swallowed = Replay.apply(withJobs, new Operation.Opaque(new Origin(Location.at(V2, 2, 1), Side.UP),
                Operation.OpaqueKind.PROCEDURAL, "CREATE PROCEDURE",
                List.of(QualifiedName.of("jobs"), QualifiedName.of("agent_connections"))));
        assertTrue(swallowed.schema().table(null, "jobs").complete(), "the body runs when called, not now");
        assertFalse(swallowed.schema().complete(), "a definition naming a table the replay lacks: tables may be missing");

        ReplayState unnamed = replay(Histories.of("flyway", Dialect.POSTGRES)
                .up(V1, "CREATE TABLE users (id int);\nSELECT make_tables();").set());
        assertFalse(unnamed.schema().complete(), "a function call may create tables the replay cannot see");
        assertTrue(unnamed.schema().table(null, "users").complete());
    }

    @Test
    void aCallOfAProcedureDefinedEarlierRunsItsBodyAndAnyOtherCallIsOpaque() {
        MigrationSet set = Histories.of("flyway", Dialect.MYSQL)
                .up(V1, """
                        CREATE TABLE person (id int PRIMARY KEY);
                        CREATE TABLE activity (id int PRIMARY KEY, actor_id int);
                        CREATE TABLE audit (id int);
                        DELIMITER //
                        CREATE PROCEDURE add_fks()
                        BEGIN
                          IF 0 = (SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS
                                  WHERE CONSTRAINT_NAME = 'fk_actor') THEN
                            ALTER TABLE activity ADD CONSTRAINT fk_actor FOREIGN KEY (actor_id) REFERENCES person (id);
                          END IF;
                        END //
                        CREATE PROCEDURE fill()
                        BEGIN
                          DECLARE n int;
                          SELECT COUNT(*) INTO n FROM audit;
                          WHILE n > 0 DO ALTER TABLE audit ADD COLUMN x int; SET n = n - 1; END WHILE;
                        END //
                        CREATE TRIGGER person_audit AFTER INSERT ON person FOR EACH ROW BEGIN
                          INSERT INTO audit (id) VALUES (NEW.id);
                        END //
                        DELIMITER ;
                        """)
                .up(V2, "CALL add_fks();\nCALL fill();")
                .set();
        ReplayState state = new SetReplayer(ReplayCache.none(), "test").replay(set, Dialect.MYSQL,
                dev.migrationguard.model.Snapshot.EMPTY).state();
        Table activity = state.schema().table(null, "activity");
        assertTrue(activity.complete(), "the procedure's body was read");
        assertEquals(1, activity.foreignKeys().size(), "the CALL ran ALTER TABLE ... ADD CONSTRAINT fk_actor");
        assertTrue(state.schema().table(null, "person").complete(), "a trigger changes no column");
        assertFalse(state.schema().table(null, "audit").complete(), "fill()'s loop was not read: what it names is unknown");
        assertTrue(state.schema().complete(), "fill() names only tables the replay has");

        ReplayState unknown = new SetReplayer(ReplayCache.none(), "test").replay(Histories.of("flyway", Dialect.MYSQL)
                .up(V1, "CREATE TABLE person (id int);")
                .up(V2, "DROP PROCEDURE IF EXISTS add_fks;\nCALL add_fks();").set(), Dialect.MYSQL,
                dev.migrationguard.model.Snapshot.EMPTY).state();
        assertFalse(unknown.schema().complete(), "a call of a routine no migration defined may do anything");
        assertFalse(unknown.schema().table(null, "person").certain(Dialect.MYSQL, "id"));
    }

    @Test
    void aColumnDefinedAfterAStatementNotReadThatNamesItsTableIsCertainTheOthersAreNot() {
        Dialect pg = Dialect.POSTGRES;
        ReplayState state = replay(Histories.of("flyway", pg)
                .up(V1, "CREATE TABLE users (id int PRIMARY KEY, name varchar(40), email varchar(80));")
                .up(V2, "DO $$ BEGIN IF random() > 0.5 THEN ALTER TABLE users ALTER COLUMN name TYPE text; END IF; END $$;")
                .up(V3, """
                        ALTER TABLE users ADD COLUMN nickname varchar(20) NOT NULL;
                        ALTER TABLE users RENAME COLUMN nickname TO handle;
                        ALTER TABLE users DROP COLUMN email;
                        ALTER TABLE users ADD COLUMN email varchar(100);
                        """)
                .set());
        Table users = state.schema().table(null, "users");
        assertFalse(users.complete(), "the DO block names users");
        assertTrue(state.schema().complete(), "it names no table the replay lacks");
        assertFalse(users.certain(pg, "name"), "the DO block may have changed it");
        assertFalse(users.certain(pg, "id"));
        assertTrue(users.certain(pg, "handle"), "added whole after the DO block, then renamed");
        assertFalse(users.certain(pg, "nickname"), "renamed away");
        assertTrue(users.certain(pg, "email"), "dropped and added whole again");
        assertFalse(users.certainOfAll());

        ReplayState later = Replay.apply(state, new Operation.Opaque(new Origin(Location.at(V4, 1, 1), Side.UP),
                Operation.OpaqueKind.PROCEDURAL, "DO", List.of(QualifiedName.of("users"))));
        assertFalse(later.schema().table(null, "users").certain(pg, "handle"), "touched again since");
    }

    @Test
    void aStatementNotReadThatNamesNoTableLeavesNoColumnCertainUntilOneReadDefinesIt() {
        Dialect pg = Dialect.POSTGRES;
        ReplayState state = replay(Histories.of("flyway", pg)
                .up(V1, "CREATE TABLE users (id int PRIMARY KEY, name varchar(40));")
                .up(V2, "SELECT make_everything();")
                .up(V3, """
                        ALTER TABLE users ADD COLUMN handle varchar(20);
                        CREATE TABLE teams (id int PRIMARY KEY, title varchar(60) NOT NULL);
                        """)
                .set());
        Table users = state.schema().table(null, "users");
        assertTrue(users.complete(), "no statement named it: the other rules still read it");
        assertTrue(users.knows(pg, "name"));
        assertFalse(users.certain(pg, "name"), "the function may have changed it");
        assertTrue(users.certain(pg, "handle"), "added whole after the call");
        assertFalse(users.certainOfAll());
        Table teams = state.schema().table(null, "teams");
        assertTrue(teams.certainOfAll(), "made by a statement read after the call");
        assertFalse(state.schema().complete(), "the call may have made tables the replay lacks");
    }

    @Test
    void aTableCreatedAfterAStatementNotReadThatNamedItIsKnownUnlessItWasCreatedIfNotExists() {
        Dialect pg = Dialect.POSTGRES;
        Operation.Opaque namesAudit = new Operation.Opaque(new Origin(Location.at(V2, 1, 1), Side.UP),
                Operation.OpaqueKind.PROCEDURAL, "DO", List.of(QualifiedName.of("audit")));
        ReplayState before = Replay.apply(replay(Histories.of("flyway", pg)
                .up(V1, "CREATE TABLE users (id int PRIMARY KEY, name varchar(40));").set()), namesAudit);
        assertFalse(before.schema().complete(), "the block may have made audit");
        assertFalse(before.schema().table(null, "users").certain(pg, "name"),
                "a statement naming a table the replay lacks may hold statements the reader did not see");

        ReplayState created = Replay.apply(before, Histories.migration(V3, SqlOperations.read(
                "CREATE TABLE audit (id int PRIMARY KEY, what varchar(30) NOT NULL);", pg, Location.file(V3), Side.UP)),
                Side.UP);
        Table audit = created.schema().table(null, "audit");
        assertTrue(audit.complete());
        assertTrue(audit.certainOfAll(), "CREATE TABLE fails on a table that exists: this one is the whole table");

        ReplayState ifNotExists = Replay.apply(before, Histories.migration(V3, SqlOperations.read(
                "CREATE TABLE IF NOT EXISTS audit (id int PRIMARY KEY, what varchar(30) NOT NULL);", pg,
                Location.file(V3), Side.UP)), Side.UP);
        Table maybe = ifNotExists.schema().table(null, "audit");
        assertFalse(maybe.certain(pg, "what"), "the block may have made audit first, and then this does nothing");
        assertFalse(maybe.certainOfAll());

        ReplayState plain = replay(Histories.of("flyway", pg)
                .up(V1, "CREATE TABLE IF NOT EXISTS audit (id int PRIMARY KEY, what varchar(30));").set());
        assertTrue(plain.schema().table(null, "audit").certainOfAll(), "nothing unread could have made it");
    }

    @Test
    void operationsOnObjectsTheReplayLacksRecordUnknownsAndNeverThrow() {
        ReplayState state = replay(Histories.of("flyway", Dialect.POSTGRES).up(V1, """
                ALTER TABLE ghost ADD COLUMN a integer NOT NULL;
                ALTER TABLE ghost ALTER COLUMN b SET NOT NULL;
                DROP TABLE IF EXISTS nothing;
                DROP INDEX IF EXISTS nothing_idx;
                ALTER TABLE phantom RENAME COLUMN x TO y;
                ALTER TABLE phantom DROP CONSTRAINT phantom_fk;
                ALTER TABLE ghost DROP COLUMN zzz;
                ALTER SEQUENCE nowhere INCREMENT BY 2;
                ALTER TYPE unknown_type ADD VALUE 'v';
                """).set());
        Table ghost = state.schema().table(null, "ghost");
        assertFalse(ghost.complete(), "a table made outside what the replay read: nothing known but what is said");
        assertEquals(SqlType.of("integer"), ghost.column(Dialect.POSTGRES, "a").type());
        Column b = ghost.column(Dialect.POSTGRES, "b");
        assertEquals(false, b.nullable());
        assertNull(b.type(), "its type was never said");
        assertEquals(ColumnDefault.UNKNOWN, b.defaultValue());
        assertNotNull(state.schema().table(null, "phantom").column(Dialect.POSTGRES, "y"));
        assertNull(state.schema().enumTypes().get("unknown_type").values());
        assertTrue(state.unresolved() >= 6, "unresolved " + state.unresolved());
    }

    @Test
    void dropIfExistsOfWhatIsNotThereIsExpectedNotUnknown() {
        ReplayState state = replay(Histories.of("flyway", Dialect.MYSQL).up(V1, """
                DROP TABLE IF EXISTS legacy;
                DROP VIEW IF EXISTS legacy_view;
                CREATE TABLE a (id int PRIMARY KEY);
                CREATE TABLE b (id int PRIMARY KEY, a_id int, CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id));
                ALTER TABLE b DROP FOREIGN KEY fk_b_a;
                DROP INDEX fk_b_a ON b;
                """).set());
        assertEquals(0, state.unresolved(), "MySQL's own index for a foreign key is dropped after the key");
        assertTrue(state.schema().table(null, "b").complete());
        assertTrue(state.schema().table(null, "b").foreignKeys().isEmpty());
    }

    @Test
    void columnNamesFoldAsTheDatabaseFoldsUnquotedOnes() {
        ReplayState pg = replay(Histories.of("flyway", Dialect.POSTGRES).up(V1, """
                CREATE TABLE t (ID int, "createdAt" timestamp);
                ALTER TABLE t ALTER COLUMN id SET NOT NULL;
                CREATE INDEX t_id ON t (Id);
                """).set());
        Table t = pg.schema().table(null, "t");
        assertEquals(List.of("id", "createdAt"), t.columns().stream().map(Column::name).toList());
        assertEquals(false, t.column(Dialect.POSTGRES, "id").nullable());
        ReplayState h2 = replay(Histories.of("flyway", Dialect.H2).up(V1, """
                create table sp_target_info (target_id bigint not null, ip_address varchar(46), primary key (target_id));
                ALTER TABLE SP_TARGET_INFO ALTER COLUMN IP_ADDRESS SET NOT NULL;
                """).set());
        Table info = h2.schema().table(null, "SP_TARGET_INFO");
        assertEquals(List.of("TARGET_ID", "IP_ADDRESS"), info.columns().stream().map(Column::name).toList());
        assertEquals(false, info.column(Dialect.H2, "IP_ADDRESS").nullable());
        assertEquals(0, pg.unresolved() + h2.unresolved());
    }

    @Test
    void droppingAColumnTakesItsIndexesAndConstraintsAndPostgresNamesWhatWasLeftUnnamed() {
        ReplayState state = replay(Histories.of("flyway", Dialect.POSTGRES).up(V1, """
                CREATE TABLE t (id int PRIMARY KEY, a int, b int REFERENCES t (id), c int CHECK (c > 0));
                CREATE INDEX t_ab ON t (a, b);
                ALTER TABLE t ADD UNIQUE (a);
                ALTER TABLE t ADD CONSTRAINT c_positive CHECK (c > 0);
                ALTER TABLE t DROP CONSTRAINT t_a_key;
                ALTER TABLE t DROP CONSTRAINT t_b_fkey;
                ALTER TABLE t DROP COLUMN c;
                ALTER TABLE t DROP COLUMN a;
                """).set());
        Table t = state.schema().table(null, "t");
        assertEquals(List.of("id", "b"), t.columns().stream().map(Column::name).toList());
        assertTrue(t.indexes().isEmpty(), "the index over a went with it");
        assertTrue(t.uniques().isEmpty());
        assertTrue(t.foreignKeys().isEmpty());
        assertTrue(t.checks().isEmpty(), "the check over c went with it");
        assertTrue(t.complete());
        assertEquals(0, state.unresolved());
    }

    @Test
    void sqlServerDropsADefaultByTheNameItsConstraintWasGiven() {
        Dialect ms = Dialect.MSSQL;
        ReplayState state = replay(Histories.of("flyway", ms).up(V1, """
                CREATE TABLE shelf (id INT PRIMARY KEY, label VARCHAR(20) CONSTRAINT DF_shelf_label DEFAULT 'none');
                ALTER TABLE shelf ADD size VARCHAR(8) NOT NULL CONSTRAINT DF_shelf_size DEFAULT 'm';
                ALTER TABLE shelf ADD colour VARCHAR(8) CONSTRAINT DF_shelf_colour DEFAULT 'grey' NOT NULL;
                ALTER TABLE shelf ADD weight INT NULL;
                ALTER TABLE shelf ADD CONSTRAINT DF_shelf_weight DEFAULT 0 FOR weight;
                EXEC sp_rename 'shelf.colour', 'tint', 'COLUMN';
                ALTER TABLE shelf DROP CONSTRAINT DF_shelf_size;
                ALTER TABLE shelf DROP CONSTRAINT df_shelf_colour;
                ALTER TABLE shelf DROP CONSTRAINT [DF_shelf_weight];
                """).set());
        Table shelf = state.schema().table(null, "shelf");
        assertTrue(shelf.complete(), "each drop names a default the replay knows");
        assertEquals(0, state.unresolved());
        assertEquals(ColumnDefault.NONE, shelf.column(ms, "size").defaultValue());
        assertEquals(false, shelf.column(ms, "size").nullable(), "the column stays as it was, less its default");
        assertEquals(ColumnDefault.NONE, shelf.column(ms, "tint").defaultValue(), "the name follows the renamed column");
        assertEquals(ColumnDefault.NONE, shelf.column(ms, "weight").defaultValue());
        assertEquals(new ColumnDefault("'none'", true, "DF_shelf_label"), shelf.column(ms, "label").defaultValue());
        assertTrue(shelf.certainOfAll());
    }

    @Test
    void aDropByANameNoDefaultHasStillLeavesTheTableUnknown() {
        Dialect ms = Dialect.MSSQL;
        ReplayState state = replay(Histories.of("flyway", ms).up(V1, """
                CREATE TABLE shelf (id INT PRIMARY KEY, label VARCHAR(20) CONSTRAINT DF_shelf_label DEFAULT 'none');
                ALTER TABLE shelf ADD size VARCHAR(8) CONSTRAINT CK_shelf_size CHECK (size <> '') DEFAULT 'm';
                ALTER TABLE shelf DROP CONSTRAINT DF_shelf_size;
                """).set());
        Table shelf = state.schema().table(null, "shelf");
        assertFalse(shelf.complete(), "the name was the check's, not the default's: what it drops is not known");
        assertEquals("'m'", shelf.column(ms, "size").defaultValue().expression());
        assertEquals("'none'", shelf.column(ms, "label").defaultValue().expression());

        ReplayState postgres = replay(Histories.of("flyway", Dialect.POSTGRES).up(V1, """
                CREATE TABLE shelf (id int PRIMARY KEY, label varchar(20) CONSTRAINT df_shelf_label DEFAULT 'none');
                ALTER TABLE shelf DROP CONSTRAINT df_shelf_label;
                """).set());
        assertFalse(postgres.schema().table(null, "shelf").complete(), "PostgreSQL keeps no such name: the drop fails");
    }

    @Test
    void typeOrmsSqliteRebuildBecomesTheColumnChangesItMakes() {
        String first = "src/migration/1700000000000-Init.ts";
        String second = "src/migration/1700000000001-Age.ts";
        MigrationSet set = Histories.of("typeorm", Dialect.SQLITE)
                .up(first, """
                        CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, "nick" varchar);
                        CREATE INDEX "IDX_name" ON "user" ("name");
                        """)
                .up(second, """
                        DROP INDEX "IDX_name";
                        CREATE TABLE "temporary_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, "age" integer NOT NULL DEFAULT (0));
                        INSERT INTO "temporary_user"("id", "name") SELECT "id", "name" FROM "user";
                        DROP TABLE "user";
                        ALTER TABLE "temporary_user" RENAME TO "user";
                        CREATE INDEX "IDX_name" ON "user" ("name");
                        """)
                .set();
        ReplayState state = replay(set);
        assertNull(state.schema().table(null, "temporary_user"));
        Table user = state.schema().table(null, "user");
        assertEquals(List.of("id", "name", "age"), user.columns().stream().map(Column::name).toList());
        assertEquals(first, user.column(Dialect.SQLITE, "name").location().path(), "copied unchanged: where it was made");
        assertEquals(second, user.column(Dialect.SQLITE, "age").location().path());
        assertEquals(Generated.AUTO_INCREMENT, user.column(Dialect.SQLITE, "id").generated());
        assertEquals(1, user.indexes().size());
        assertEquals(0, state.unresolved());
    }

    @Test
    void mysqlChangeRenamesAndRedefinesAndInlineEnumsKeepTheirValues() {
        ReplayState state = replay(Histories.of("flyway", Dialect.MYSQL).up(V1, """
                CREATE TABLE person (id int NOT NULL AUTO_INCREMENT, name varchar(50), kind enum('a','b') NOT NULL, PRIMARY KEY (id), KEY idx_name (name));
                ALTER TABLE person CHANGE name full_name varchar(100) NOT NULL;
                ALTER TABLE person MODIFY kind enum('a','b','c') NOT NULL DEFAULT 'a';
                ALTER TABLE person DROP PRIMARY KEY;
                """).set());
        Table person = state.schema().table(null, "person");
        Column name = person.column(Dialect.MYSQL, "full_name");
        assertEquals(SqlType.of("varchar").withLength(100), name.type());
        assertEquals(false, name.nullable());
        assertEquals(List.of("full_name"), person.indexes().get(0).columns());
        assertEquals(List.of("a", "b", "c"), person.column(Dialect.MYSQL, "kind").enumValues());
        assertEquals(ColumnDefault.of("'a'"), person.column(Dialect.MYSQL, "kind").defaultValue());
        assertNull(person.primaryKey());
        assertEquals(0, state.unresolved());
    }

    @Test
    void upThenDownGivesBackTheSchemaFromBeforeOrSaysWhatIsLeft() {
        MigrationSet set = Histories.of("flyway", Dialect.POSTGRES)
                .up(V1, "CREATE TABLE users (id int PRIMARY KEY, email text);")
                .migration(V2, "ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0;\nCREATE INDEX users_age ON users (age);",
                        "DROP INDEX users_age;\nALTER TABLE users DROP COLUMN age;")
                .migration(V3, "CREATE INDEX users_email ON users (email);", "SELECT 1;")
                .set();
        ReplayState before = Replay.apply(ReplayState.start(Dialect.POSTGRES), set.migrations().get(0), Side.UP);
        ReplayState inverse = Replay.apply(before, set.migrations().get(1), Side.UP, Side.DOWN);
        assertTrue(PhysicalDiff.diff(before.schema(), inverse.schema()).isEmpty());
        ReplayState leftOver = Replay.apply(before, set.migrations().get(2), Side.UP, Side.DOWN);
        PhysicalDiff diff = PhysicalDiff.diff(before.schema(), leftOver.schema());
        assertEquals(List.of(PhysicalDiff.Kind.INDEX_ADDED), diff.changes().stream().map(PhysicalDiff.Change::kind).toList());
        ReplayState downOnly = Replay.apply(before, set.migrations().get(1), Side.DOWN);
        assertEquals(before.schema().table(null, "users").columns(), downOnly.schema().table(null, "users").columns(),
                "only the asked side is applied");
    }
}
