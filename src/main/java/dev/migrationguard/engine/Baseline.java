package dev.migrationguard.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.migrationguard.config.ConfigException;
import dev.migrationguard.config.UserFile;
import dev.migrationguard.model.Finding;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
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
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
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

    /**
     * Reads a baseline file; a missing, malformed or unreadable one (a FIFO, a device, one over {@code maxSize} bytes)
     * stops the run (exit 2) naming the file.
     */
    public static Baseline read(Path file, long maxSize) {
        String text;
        try {
            text = UserFile.read(file, "baseline file", maxSize);
        } catch (NoSuchFileException e) {
            throw new ConfigException("baseline file " + file + " does not exist (write it with: migration-guard baseline)");
        }
        Wire wire;
        try {
            wire = Json.MAPPER.readValue(text, Wire.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException("baseline file " + file + " is not a migration-guard baseline: line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        }
        if (wire == null || !Report.TOOL.equals(wire.tool()) || wire.format() != FORMAT || wire.findings() == null) {
            throw new ConfigException("baseline file " + file + " is not a migration-guard baseline (format " + FORMAT
                    + "): write it again with: migration-guard baseline");
        }
        Set<String> prints = new TreeSet<>();
        for (Entry e : wire.findings()) {
            if (e == null || e.fingerprint() == null || e.fingerprint().isBlank()) {
                throw new ConfigException("baseline file " + file + " has an entry without a fingerprint");
            }
            prints.add(e.fingerprint());
        }
        return new Baseline(String.valueOf(file.getFileName()), prints);
    }
}
