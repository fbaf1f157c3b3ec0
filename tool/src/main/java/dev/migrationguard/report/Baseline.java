package dev.migrationguard.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.Finding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings a legacy repository already had when it adopted the tool, by fingerprint: they are reported as
 * suppressed (kind {@code baseline}), anything new counts as usual. The file lists each entry with its rule, path and
 * message beside the fingerprint, sorted, one field a line, so that a review of its diff shows what was accepted.
 *
 * @param name how the file is named in a suppression reason
 */
public record Baseline(String name, Set<String> fingerprints) {
    public static final Baseline NONE = new Baseline("", Set.of());
    public static final String DEFAULT_FILE = ".migration-guard-baseline.json";
    private static final int FORMAT = 1;

    /** Created on first use: building a Jackson mapper costs a pre-commit run tens of milliseconds it rarely needs. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public Baseline {
        fingerprints = Set.copyOf(fingerprints);
    }

    /** The file as written: a format number and the entries. Matching needs only the fingerprints. */
    record Wire(String tool, int format, List<Entry> findings) {
    }

    record Entry(String fingerprint, String rule, String path, String message) {
    }

    public boolean contains(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }

    /** Writes the findings of a report that count (not already suppressed) as a baseline file. */
    public static void write(Report report, Appendable out) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            if (!f.suppressed()) entries.add(new Entry(report.fingerprints().get(i), f.rule(), f.path(), f.message()));
        }
        entries.sort(Comparator.comparing(Entry::path).thenComparing(Entry::rule).thenComparing(Entry::fingerprint));
        out.append(Json.MAPPER.writeValueAsString(new Wire(Report.TOOL, FORMAT, entries))).append('\n');
    }

    /** Reads a baseline file's text; a malformed one stops the run (exit 2) naming the file. */
    public static Baseline parse(String text, Path file) {
        Set<String> prints;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
            prints = new WireReader(p, "baseline file " + file).read();
        } catch (JsonProcessingException e) {
            throw new CannotJudge("baseline file " + file + " is not a migration-guard baseline: line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CannotJudge("cannot read baseline file " + file + ": " + e.getMessage());
        }
        return new Baseline(String.valueOf(file.getFileName()), prints);
    }

    /**
     * Checks the file token by token against {@link Wire}, so that a value of the wrong type is refused with its line
     * and field (a data binder would quietly turn {@code 123} or {@code true} into a fingerprint).
     */
    private static final class WireReader {
        private static final String AGAIN = " (write it again with: migration-guard baseline)";
        private final JsonParser p;
        private final String what;

        WireReader(JsonParser p, String what) {
            this.p = p;
            this.what = what;
        }

        Set<String> read() throws IOException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "the file", "an object");
            String tool = null;
            Integer format = null;
            Set<String> prints = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "tool" -> tool = string(value, "tool", false);
                    case "format" -> {
                        expect(value, JsonToken.VALUE_NUMBER_INT, "format", "a whole number");
                        format = p.getIntValue();
                    }
                    case "findings" -> prints = findings(value);
                    default -> throw bad("unknown field '" + field + "'");
                }
            }
            if (p.nextToken() != null) throw bad("more than one JSON value");
            if (!Report.TOOL.equals(tool) || format == null || format != FORMAT || prints == null) {
                throw new CannotJudge(what + " is not a migration-guard baseline (format " + FORMAT + ")"
                        + ": write it again with: migration-guard baseline");
            }
            return prints;
        }

        private Set<String> findings(JsonToken value) throws IOException {
            expect(value, JsonToken.START_ARRAY, "findings", "a list");
            Set<String> prints = new TreeSet<>();
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String at = "findings[" + index++ + "]";
                expect(p.currentToken(), JsonToken.START_OBJECT, at, "an object");
                String fingerprint = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "fingerprint" -> fingerprint = string(v, at + ".fingerprint", false);
                        case "rule", "path", "message" -> string(v, at + "." + field, true);
                        default -> throw bad(at + " has an unknown field '" + field + "'");
                    }
                }
                if (fingerprint == null || fingerprint.isBlank()) throw bad(at + " has no fingerprint");
                prints.add(fingerprint);
            }
            return prints;
        }

        private String string(JsonToken token, String field, boolean nullable) throws IOException {
            if (nullable && token == JsonToken.VALUE_NULL) return null;
            expect(token, JsonToken.VALUE_STRING, field, "a string");
            return p.getText();
        }

        private void expect(JsonToken actual, JsonToken wanted, String field, String kind) {
            if (actual != wanted) throw bad(field + " must be " + kind + ", not " + describe(actual));
        }

        private CannotJudge bad(String problem) {
            return new CannotJudge(what + " is not a migration-guard baseline: line "
                    + p.currentTokenLocation().getLineNr() + ": " + problem + AGAIN);
        }

        private static String describe(JsonToken token) {
            if (token == null) return "the end of the file";
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
            };
        }
    }
}
