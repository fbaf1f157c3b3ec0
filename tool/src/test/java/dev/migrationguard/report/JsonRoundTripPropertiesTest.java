package dev.migrationguard.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Any report survives a JSON round trip: what a CI script reads back is what the tool found. */
class JsonRoundTripPropertiesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Provide
    Arbitrary<List<Finding>> findings() {
        return finding().list().ofMaxSize(8);
    }

    private Arbitrary<Finding> finding() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<Location> location = Combinators.combine(Arbitraries.strings().alpha().numeric().withChars("/._-")
                        .ofMinLength(1).ofMaxLength(30), Arbitraries.integers().between(0, 5000),
                Arbitraries.integers().between(1, 200))
                .as((p, line, col) -> line == 0 ? Location.file(p) : Location.at(p, line, col));
        Arbitrary<Finding.Suppression> suppression = Combinators.combine(Arbitraries.of("inline", "allowed-edit"), text)
                .as(Finding.Suppression::new).injectNull(0.5);
        return Combinators.combine(Arbitraries.of("parse-error", "vague-migration-name"),
                        Arbitraries.of(Severity.class), location, text, text.injectNull(0.3), suppression)
                .as(Finding::new);
    }

    @Property(tries = 200)
    void reportsSurviveAJsonRoundTrip(@ForAll("findings") List<Finding> findings) throws Exception {
        Report report = new Report("staged", findings, findings.size());
        StringWriter out = new StringWriter();
        new JsonRenderer().write(report, out);
        JsonRenderer.Wire back = MAPPER.readValue(out.toString(), JsonRenderer.Wire.class);
        assertEquals(JsonRenderer.wire(report), back);
    }
}
