package dev.migrationguard.config;

import dev.migrationguard.model.CannotJudge;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML value that remembers where it was written, so that configuration errors can name the line.
 * {@code value} is a {@code Map<String, YamlNode>} (keys in order), a {@code List<YamlNode>}, a String, or null.
 * Anchors, aliases and merge keys ({@code <<: *base}) are resolved as YAML defines them (an aliased value is named by
 * the line of its anchor, where it is written); a key written twice in one map is refused.
 */
record YamlNode(Object value, int line, int column, Map<String, int[]> keyPositions) {

    /**
     * An alias shares the node it names, so nothing is copied; the bound still stops a file built to make the checks
     * walk one subtree again and again (a configuration needs a handful).
     */
    static final int MAX_ALIASES = 100;

    static YamlNode parse(String text, String file) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : ":" + (mark.getLine() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
            throw new CannotJudge(file + where + ": not valid YAML: " + problem);
        } catch (YAMLException e) {
            String message = firstLine(e.getMessage());
            if (message.contains("aliases")) {
                throw new CannotJudge(file + ": more than " + MAX_ALIASES + " aliases of lists or maps; a "
                        + "configuration needs a handful (write the values out)");
            }
            throw new CannotJudge(file + ": not valid YAML: " + message);
        }
        if (root == null) return new YamlNode(null, 1, 1, Map.of());
        return new Converter(file).convert(root);
    }

    /** Turns the composed node graph into YamlNodes; an aliased node is converted once and shared. */
    private static final class Converter {
        private final String file;
        private final Map<Node, YamlNode> done = new IdentityHashMap<>();
        private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

        Converter(String file) {
            this.file = file;
        }

        YamlNode convert(Node node) {
            YamlNode known = done.get(node);
            if (known != null) return known;
            int line = node.getStartMark().getLine() + 1;
            int column = node.getStartMark().getColumn() + 1;
            if (!inProgress.add(node)) {
                throw new CannotJudge(file + ":" + line + ": an alias refers to the value it stands in; "
                        + "write the value out");
            }
            YamlNode result;
            if (node instanceof MappingNode m) {
                result = map(m, line, column);
            } else if (node instanceof SequenceNode s) {
                List<YamlNode> list = new ArrayList<>();
                for (Node item : s.getValue()) list.add(convert(item));
                result = new YamlNode(list, line, column, Map.of());
            } else {
                ScalarNode scalar = (ScalarNode) node;
                result = new YamlNode(Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue(), line, column,
                        Map.of());
            }
            inProgress.remove(node);
            done.put(node, result);
            return result;
        }

        private YamlNode map(MappingNode node, int line, int column) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            Map<String, int[]> keys = new LinkedHashMap<>();
            List<Node> merged = new ArrayList<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Mark k = keyNode.getStartMark();
                if (Tag.MERGE.equals(keyNode.getTag())) {
                    merged.add(tuple.getValueNode());
                    continue;
                }
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    throw new CannotJudge(file + ":" + (k.getLine() + 1) + ": a key must be a plain value, "
                            + "not a list or a map");
                }
                String key = scalarKey.getValue();
                int[] first = keys.get(key);
                if (first != null) {
                    throw new CannotJudge(file + ":" + (k.getLine() + 1) + ": key '" + key + "' is written "
                            + "twice in one map (first at line " + first[0] + "); keep one, or YAML silently uses "
                            + "the last");
                }
                keys.put(key, new int[]{k.getLine() + 1, k.getColumn() + 1});
                map.put(key, convert(tuple.getValueNode()));
            }
            // Merged maps fill in only the keys the map does not write itself, as YAML's merge type defines.
            for (Node m : merged) {
                List<Node> sources = m instanceof SequenceNode s ? s.getValue() : List.of(m);
                for (Node source : sources) {
                    YamlNode from = convert(source);
                    if (from.map() == null) {
                        throw new CannotJudge(file + ":" + (m.getStartMark().getLine() + 1) + ": '<<' must "
                                + "merge a map (or a list of maps), such as '<<: *defaults'");
                    }
                    for (var e : from.map().entrySet()) {
                        if (map.putIfAbsent(e.getKey(), e.getValue()) == null) {
                            keys.put(e.getKey(), from.keyPositions().get(e.getKey()));
                        }
                    }
                }
            }
            return new YamlNode(map, line, column, keys);
        }
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
