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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaTextTest {
    private static final Location AT = Location.at("V1__x.sql", 3, 1);

    private static ReplayedSet sample() {
        Table t = Table.table("audit", "events", AT)
                .withColumn(Dialect.POSTGRES, Column.of("id", SqlType.of("bigint"), false, AT))
                .withColumn(Dialect.POSTGRES, Column.unknown("payload", Location.file("V2__x.sql")))
                .incomplete();
        PhysicalSchema schema = PhysicalSchema.of(Dialect.POSTGRES,
                List.of(t, Table.view(null, "recent", null, AT)),
                List.of(new Sequence(null, "ids", null, AT)),
                List.of(new EnumType(null, "mood", null, AT))).incomplete();
        MigrationSet set = new MigrationSet("flyway", "services/api", "db/migration", null, List.of());
        return new ReplayedSet(set, Dialect.POSTGRES, new ReplayState(schema, List.of(), 7, 2, 1), 0);
    }

    @Test
    void whatTheReplayCouldNotTellIsAQuestionMark() throws IOException {
        StringBuilder out = new StringBuilder();
        SchemaText.write(List.of(sample()), out);
        assertEquals("""
                -- flyway set db/migration (project services/api), postgres: 0 migrations, 7 operations, 2 opaque
                -- incomplete: a statement that could not be read may have created or dropped tables not listed

                CREATE TABLE "audit"."events" (  -- V1__x.sql:3
                  -- ? a statement that could not be read changed this table: more may differ
                  "id" bigint NOT NULL  -- V1__x.sql:3
                  "payload" ? NULL? DEFAULT ? GENERATED ? UNIQUE?  -- V2__x.sql
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
        assertEquals("recent", set.get("views").get(0).get("name").asText());
        assertTrue(set.get("enumTypes").get(0).get("values").isNull());
    }
}
