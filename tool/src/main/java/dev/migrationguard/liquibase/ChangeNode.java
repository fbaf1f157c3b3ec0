package dev.migrationguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One element of a changelog, whatever its format: an XML element, or a YAML/JSON map entry. Scalars become
 * attributes, nested maps and lists become children, so that XML, YAML and JSON changelogs read the same way.
 *
 * @param text the element's own text (XML character data, or a formatted SQL body), trimmed; empty when none
 */
record ChangeNode(String name, Map<String, String> attributes, List<ChangeNode> children, String text, int line,
                  int column) {

    ChangeNode {
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
        children = List.copyOf(children);
        text = text == null ? "" : text;
    }

    String attribute(String key) {
        return attributes.get(key);
    }

    ChangeNode child(String childName) {
        for (ChangeNode c : children) if (c.name.equals(childName)) return c;
        return null;
    }

    /** Every element below this one (not itself) with this name, in document order. */
    List<ChangeNode> descendants(String wanted) {
        List<ChangeNode> out = new ArrayList<>();
        for (ChangeNode c : children) {
            if (c.name.equals(wanted)) out.add(c);
            out.addAll(c.descendants(wanted));
        }
        return out;
    }
}
