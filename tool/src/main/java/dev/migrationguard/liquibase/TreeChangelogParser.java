package dev.migrationguard.liquibase;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML or JSON changelog with Jackson's streaming parser (for positions) into {@link ChangeNode}s: a map's
 * scalar entries become attributes, its map entries children, and a list entry a child holding one node per item.
 */
final class TreeChangelogParser {
    /**
     * The parsers' own limits on a document (SnakeYAML: 3 MB of code points; Jackson: 20 million characters in one
     * string) made a valid changelog of that size a parse-error. The file's size is already bounded before it is read
     * (see {@link dev.migrationguard.model.FileTooLarge}), and a UTF-8 file has no more code points than bytes: that
     * limit is the only one on length. The nesting limit stays, as it protects the stack.
     */
    private static final StreamReadConstraints UNLIMITED_LENGTH = StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE).maxDocumentLength(-1).build();
    private static JsonFactory yaml;
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(UNLIMITED_LENGTH).build();

    private TreeChangelogParser() {
    }

    /** Loaded on first use: a Java-only run never pays for the YAML parser. */
    private static synchronized JsonFactory yaml() {
        if (yaml == null) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(Integer.MAX_VALUE);
            yaml = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(UNLIMITED_LENGTH).build();
        }
        return yaml;
    }

    /** The {@code databaseChangeLog} root, or null when the document's root is something else. */
    static ChangeNode parse(String content, boolean isYaml) {
        try (JsonParser p = (isYaml ? yaml() : JSON).createParser(content)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) return null;
            Value root = read(p);
            @SuppressWarnings("unchecked")
            Map<String, Value> top = (Map<String, Value>) root.value;
            Value log = top.get("databaseChangeLog");
            if (log == null) return null;
            return node("databaseChangeLog", log);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ChangelogSyntaxError("not valid " + (isYaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage(),
                    at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()));
        } catch (IOException e) {
            throw new ChangelogSyntaxError("cannot be read: " + e.getMessage(), 1, 1);
        }
    }

    private record Value(Object value, int line, int column) {
    }

    private static Value read(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = Math.max(1, at.getLineNr());
        int column = Math.max(1, at.getColumnNr());
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Value> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation k = p.currentTokenLocation();
                p.nextToken();
                Value v = read(p);
                // a map or list entry is located at its key, where a person reads it
                map.put(key, v.value instanceof String || v.value == null ? v
                        : new Value(v.value, Math.max(1, k.getLineNr()), Math.max(1, k.getColumnNr())));
            }
            return new Value(map, line, column);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Value> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) list.add(read(p));
            return new Value(list, line, column);
        }
        if (t == JsonToken.VALUE_NULL) return new Value(null, line, column);
        return new Value(p.getText(), line, column);
    }

    @SuppressWarnings("unchecked")
    private static ChangeNode node(String name, Value v) {
        Map<String, String> attrs = new LinkedHashMap<>();
        List<ChangeNode> children = new ArrayList<>();
        String text = "";
        if (v.value instanceof Map<?, ?> m) {
            for (var e : ((Map<String, Value>) m).entrySet()) {
                Value item = e.getValue();
                if (item.value instanceof String s) attrs.put(e.getKey(), s);
                else if (item.value != null) children.add(node(e.getKey(), item));
            }
        } else if (v.value instanceof List<?> list) {
            for (Value item : (List<Value>) list) children.add(listItem(item));
        } else if (v.value instanceof String s) {
            text = s.strip();
        }
        return new ChangeNode(name, attrs, children, text, v.line, v.column);
    }

    /** {@code - createTable: {...}} is the element createTable; a bare scalar item is a value. */
    @SuppressWarnings("unchecked")
    private static ChangeNode listItem(Value item) {
        if (item.value instanceof Map<?, ?> m && m.size() == 1) {
            var e = ((Map<String, Value>) m).entrySet().iterator().next();
            Value inner = e.getValue();
            // JSON's item starts at its '{' and its change at the key, a line below: point at the change's name
            boolean keyed = inner.value instanceof Map<?, ?> || inner.value instanceof List<?>;
            Value located = keyed ? inner : new Value(inner.value, item.line, item.column);
            return node(e.getKey(), located);
        }
        return node(item.value instanceof String ? "value" : "item", item);
    }
}
