package dev.migrationguard.springboot;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.Text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A YAML settings file flattened as Spring Boot flattens it: nested keys joined with dots, a sequence of scalars one
 * list, each {@code ---} document apart. Malformed YAML keeps what was read before the error, and says where it is.
 */
final class YamlDocuments {
    /**
     * A value that is a whole Maven resource-filtering token ({@code version: @project.version@}), the delimiter Spring
     * Boot's parent configures: not YAML until the build replaces it ({@code @} cannot start a plain scalar).
     */
    private static final Pattern MAVEN_TOKEN =
            Pattern.compile("(?m)((?::|^\\s*-)[ \\t]+)@([^@\\s'\"#]+)@(?=[ \\t]*(?:#.*)?$)");

    /** Created on first use: most runs read no YAML, and Jackson's YAML factory costs tens of milliseconds. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    private YamlDocuments() {
    }

    static void read(String path, String text, String fileProfile, List<BootDocument> out, List<ParseProblem> problems) {
        DocumentBuilder doc = new DocumentBuilder();
        String[] lines = Text.lines(text);
        Location fieldAt = Location.file(path);
        // Quoted in place of its two @s, the token keeps every line and column where it was.
        String yaml = text.indexOf('@') < 0 ? text : MAVEN_TOKEN.matcher(text).replaceAll("$1\"$2\"");
        try (JsonParser p = Yaml.FACTORY.createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    JsonLocation l = p.currentTokenLocation();
                    fieldAt = inside(path, lines, l.getLineNr(), l.getColumnNr());
                } else if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    JsonStreamContext context = p.getParsingContext();
                    String key = keyOf(context);
                    if (key != null && context.inArray()) doc.addEntry(key, -1, p.getText(), fieldAt);
                    else if (key != null) doc.add(key, p.getText(), fieldAt);
                }
                if (p.getParsingContext().inRoot() && t != JsonToken.FIELD_NAME) {
                    add(doc.finish(fileProfile), out);
                    doc = new DocumentBuilder();
                }
            }
        } catch (JacksonException e) {
            add(doc.finish(fileProfile), out);
            JsonLocation l = e.getLocation();
            Location at = l == null ? Location.file(path) : inside(path, lines, l.getLineNr(), l.getColumnNr());
            problems.add(new ParseProblem(at, "Malformed YAML: " + firstLine(e)));
            return;
        } catch (IOException e) {
            problems.add(new ParseProblem(Location.file(path), "Unreadable YAML: " + e));
            return;
        }
        add(doc.finish(fileProfile), out);
    }

    private static void add(BootDocument doc, List<BootDocument> out) {
        if (doc != null) out.add(doc);
    }

    /** {@code spring.jpa.hibernate.ddl-auto} for a scalar nested under those keys; list indexes are left out. */
    private static String keyOf(JsonStreamContext ctx) {
        List<String> names = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                if (c.getCurrentName() == null) return null;
                names.add(0, c.getCurrentName());
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    private static String firstLine(JacksonException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A 1-based location clamped into the file, so a report never points past its end. */
    private static Location inside(String path, String[] lines, int line, int column) {
        if (line <= 0) return Location.file(path);
        int l = Math.min(line, lines.length);
        int c = Math.min(Math.max(column, 1), lines[l - 1].length() + 1);
        return Location.at(path, l, c);
    }
}
