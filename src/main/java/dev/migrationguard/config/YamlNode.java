package dev.migrationguard.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so that configuration errors can name the line.
 * {@code value} is a {@code Map<String, YamlNode>} (keys in order), a {@code List<YamlNode>}, a String, or null.
 */
record YamlNode(Object value, int line, int column, Map<String, int[]> keyPositions) {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    static YamlNode parse(String text, String file) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return new YamlNode(null, 1, 1, Map.of());
            return read(p);
        } catch (IOException e) {
            String where = "";
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
                where = ":" + jpe.getLocation().getLineNr();
            }
            throw new ConfigException(file + where + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static YamlNode read(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            Map<String, int[]> keys = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation k = p.currentTokenLocation();
                keys.put(key, new int[]{k.getLineNr(), k.getColumnNr()});
                p.nextToken();
                map.put(key, read(p));
            }
            return new YamlNode(map, line, col, keys);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) list.add(read(p));
            return new YamlNode(list, line, col, Map.of());
        }
        if (t == JsonToken.VALUE_NULL) return new YamlNode(null, line, col, Map.of());
        return new YamlNode(p.getText(), line, col, Map.of());
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        return value instanceof Map<?, ?> m ? (Map<String, YamlNode>) m : null;
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list() {
        return value instanceof List<?> l ? (List<YamlNode>) l : null;
    }

    String text() {
        return value instanceof String s ? s : null;
    }

    int keyLine(String key) {
        int[] pos = keyPositions.get(key);
        return pos == null ? line : pos[0];
    }
}
