package dev.migrationguard.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.EnumType;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Sequence;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaTextTest {
    private static final Location AT = Location.at("V1__x.sql", 3, 1);
    private static final Location BLOCK = Location.at("V4__x.sql", 9, 1);
    private static final Location ANYWHERE = Location.at("V5__x.sql", 2, 1);

    /**
     * A table an unread statement named, and one it did not name (so only its columns defined again since are
     * certain).
     */
    private static ReplayedSet sample() {
        Table t = Table.table("audit", "events", AT)
                .withColumn(Dialect.POSTGRES, Column.of("id", SqlType.of("bigint"), false, AT))
                .withColumn(Dialect.POSTGRES, Column.unknown("payload", Location.file("V2__x.sql")))
                .incomplete(BLOCK);
        Table users = Table.table(null, "users", AT)
                .withColumn(Dialect.POSTGRES, Column.of("id", SqlType.of("bigint"), false, AT))
                .uncertain()
                .withColumn(Dialect.POSTGRES, Column.of("email", SqlType.of("text"), true, Location.at("V6__x.sql", 1, 1)))
                .withSettled(Dialect.POSTGRES, "email");
        PhysicalSchema schema = PhysicalSchema.of(Dialect.POSTGRES,
                List.of(t, users, Table.view(null, "recent", null, AT)),
                List.of(new Sequence(null, "ids", null, AT)),
                List.of(new EnumType(null, "mood", null, AT))).incomplete();
        MigrationSet set = new MigrationSet("flyway", "services/api", "db/migration", null, List.of());
        return new ReplayedSet(set, Dialect.POSTGRES, new ReplayState(schema, List.of(), 7, 2, 1, ANYWHERE), 0);
    }

    @Test
    void whatTheReplayCouldNotTellIsAQuestionMark() throws IOException {
        StringBuilder out = new StringBuilder();
        SchemaText.write(List.of(sample()), out);
        assertEquals("""
                -- flyway set db/migration (project services/api), postgres: 0 migrations, 7 operations, 2 opaque
                -- incomplete: a statement that could not be read may have created or dropped tables not listed (the last such at V5__x.sql:2)

                CREATE TABLE "audit"."events" (  -- V1__x.sql:3
                  -- ? incomplete since V4__x.sql:9, a statement not read, or one on what the replay lacked; more may differ
                ? "id" bigint NOT NULL  -- V1__x.sql:3
                ? "payload" ? NULL? DEFAULT ? GENERATED ? UNIQUE?  -- V2__x.sql
                );

                CREATE TABLE "users" (  -- V1__x.sql:3
                  -- ? columns marked ? may have been changed by the statement not read at V5__x.sql:2
                ? "id" bigint NOT NULL  -- V1__x.sql:3
                  "email" text NULL  -- V6__x.sql:1
                );

                CREATE VIEW "recent" AS ?;  -- V1__x.sql:3

                CREATE SEQUENCE "ids";  -- V1__x.sql:3

                CREATE TYPE "mood" AS ENUM (?);  -- V1__x.sql:3
                """, out.toString());
    }

    @Test
    void jsonSaysUnknownAsNull() throws IOException {
        StringWriter out = new StringWriter();
        SchemaJson.write("migration-guard", "9.9", List.of(sample()), out);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals("9.9", doc.get("tool").get("version").asText());
        JsonNode set = doc.get("sets").get(0);
        assertEquals(false, set.get("complete").asBoolean());
        JsonNode payload = set.get("tables").get(0).get("columns").get(1);
        assertTrue(payload.get("type").isNull());
        assertTrue(payload.get("nullable").isNull());
        assertEquals(false, payload.get("defaultValue").get("known").asBoolean());
        assertEquals("?", payload.get("generated").asText());
        assertEquals("V2__x.sql", payload.get("location").asText());
        assertEquals(false, payload.get("certain").asBoolean());
        assertEquals("V4__x.sql:9:1", set.get("tables").get(0).get("incompleteBy").asText());
        assertEquals("V5__x.sql:2:1", set.get("incompleteBy").asText());
        JsonNode users = set.get("tables").get(1);
        assertTrue(users.get("complete").asBoolean());
        assertFalse(users.has("incompleteBy"), "a complete table names no statement");
        assertEquals(false, users.get("columns").get(0).get("certain").asBoolean());
        assertEquals(true, users.get("columns").get(1).get("certain").asBoolean());
        assertEquals("recent", set.get("views").get(0).get("name").asText());
        assertTrue(set.get("enumTypes").get(0).get("values").isNull());
    }
}
