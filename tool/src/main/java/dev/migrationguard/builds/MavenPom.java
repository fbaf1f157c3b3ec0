package dev.migrationguard.builds;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code pom.xml} says of the module graph: its coordinates, the modules it aggregates, and the artifacts its
 * main code depends on (test scope, test jars and dependency management left out). Read as text, never run.
 *
 * @param groupId      its own, else its parent's; null when neither is written
 * @param artifactId   null when not written
 * @param modules      the folders of {@code <modules>}, as written (relative to the pom's folder)
 * @param dependencies {@code groupId:artifactId} of each main dependency, with {@code ${...}} properties the pom
 *                     defines (and {@code project.groupId}) replaced
 */
record MavenPom(String groupId, String artifactId, List<String> modules, List<String> dependencies) {
    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The pom's facts, or empty when it is not well-formed XML with a {@code <project>} root. */
    static Optional<MavenPom> read(String xml) {
        Deque<String> path = new ArrayDeque<>();
        Map<String, String> values = new HashMap<>();
        Map<String, String> properties = new HashMap<>();
        List<String> modules = new ArrayList<>();
        List<Map<String, String>> dependencies = new ArrayList<>();
        Map<String, String> dependency = null;
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        path.addLast(r.getLocalName());
                        text.setLength(0);
                        if (at(path, "project", "dependencies", "dependency")) dependency = new HashMap<>();
                    } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                        text.append(r.getText());
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        String value = text.toString().trim();
                        String name = path.peekLast();
                        if (path.size() == 2 && path.peekFirst().equals("project")) {
                            values.put(name, value);
                        } else if (at(path, "project", "parent", "groupId")) {
                            values.put("parent.groupId", value);
                        } else if (at(path, "project", "modules", "module")
                                || at(path, "project", "profiles", "profile", "modules", "module")) {
                            if (!value.isEmpty()) modules.add(value);
                        } else if (at(path, "project", "properties", name)) {
                            properties.put(name, value);
                        } else if (dependency != null && path.size() == 4) {
                            dependency.put(name, value);
                        } else if (at(path, "project", "dependencies", "dependency")) {
                            dependencies.add(dependency);
                            dependency = null;
                        }
                        path.removeLast();
                        text.setLength(0);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
        if (values.isEmpty() && modules.isEmpty()) return Optional.empty();
        String groupId = nonBlank(values.get("groupId"));
        if (groupId == null) groupId = nonBlank(values.get("parent.groupId"));
        if (groupId != null) {
            properties.put("project.groupId", groupId);
            properties.put("pom.groupId", groupId);
            properties.put("groupId", groupId);
        }
        String parentGroup = nonBlank(values.get("parent.groupId"));
        if (parentGroup != null) properties.put("project.parent.groupId", parentGroup);
        List<String> main = new ArrayList<>();
        for (Map<String, String> d : dependencies) {
            if (isTest(d)) continue;
            String g = resolve(d.get("groupId"), properties);
            String a = resolve(d.get("artifactId"), properties);
            if (a == null) continue;
            main.add((g == null ? "" : g) + ":" + a);
        }
        return Optional.of(new MavenPom(resolve(groupId, properties),
                resolve(nonBlank(values.get("artifactId")), properties), modules, main));
    }

    /** A dependency only the tests see: test scope, or another module's test jar. */
    private static boolean isTest(Map<String, String> d) {
        return "test".equals(d.get("scope")) || "test-jar".equals(d.get("type"))
                || "tests".equals(d.get("classifier"));
    }

    private static boolean at(Deque<String> path, String... names) {
        if (path.size() != names.length) return false;
        int i = 0;
        for (String p : path) {
            if (!p.equals(names[i++])) return false;
        }
        return true;
    }

    /** The value with the properties it names replaced; null when one is not known (it cannot be matched). */
    private static String resolve(String value, Map<String, String> properties) {
        if (value == null || value.isBlank()) return null;
        String out = value.trim();
        for (int guard = 0; guard < 10 && out.contains("${"); guard++) {
            int start = out.indexOf("${");
            int end = out.indexOf('}', start);
            if (end < 0) return null;
            String known = properties.get(out.substring(start + 2, end));
            if (known == null) return null;
            out = out.substring(0, start) + known + out.substring(end + 1);
        }
        return out.contains("${") ? null : out;
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
