package dev.migrationguard.config;

import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.settings.DeployedFrom;
import dev.migrationguard.settings.DeployedSettings;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.settings.PathFilter;
import dev.migrationguard.settings.RuleSettings;
import dev.migrationguard.settings.Scope;
import dev.migrationguard.settings.Settings;
import dev.migrationguard.stack.MigrationTool;
import dev.migrationguard.stack.Stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code .migration-guard.yml} into its {@link Settings}, one section at a time. Every key is checked: an unknown
 * key, rule id, option or value stops the run (exit 2) with the file and line, because a silently ignored setting is
 * worse than none. A stack's own options are known by the keys it declares and checked by the stack itself.
 */
public final class ConfigLoader {
    /**
     * How the pre-commit hook script reads {@code on-missing-tool: allow} with grep when Java or the jar is missing (it
     * cannot run this parser then). Any other spelling of {@code allow} is refused here, so the two never disagree.
     */
    static final Pattern HOOK_READABLE_ALLOW =
            Pattern.compile("^on-missing-tool:[ \\t]+(allow|\"allow\"|'allow')([ \\t]+#.*)?[ \\t]*$");
    /** The sections the tool reads itself; a stack may declare keys in them, or open a section of its own. */
    private static final Set<String> OWN_SECTIONS = Set.of("deployed", "entities", "migrations", "rules",
            "allowed-edits", "on-missing-tool", "baseline", "dialect");
    private static final Set<String> DEPLOYED_KEYS = Set.of("ref", "lock-file", "from", "tables");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    private ConfigLoader() {
    }

    /**
     * @param file   how messages name the file
     * @param stacks the stacks of the run, whose options the file may set
     */
    public static Settings parse(String text, String file, List<Stack> stacks) {
        YamlNode root = YamlNode.parse(text, file);
        if (root.value() == null) return Settings.DEFAULTS;
        Map<String, YamlNode> top = requireMap(root, file, "the configuration");
        var stackOptions = new StackOptions(stacks, top, file);
        Set<String> known = new HashSet<>(OWN_SECTIONS);
        known.addAll(stackOptions.sections());
        checkKeys(root, known, file, "top-level key");

        // Sections in a fixed order, so that of two mistakes the same one is always reported; a stack checks its
        // options as soon as the sections that hold them are read.
        DeployedSettings deployed = top.containsKey("deployed")
                ? deployed(top.get("deployed"), file, stackOptions.historyTables()) : DeployedSettings.DEFAULTS;
        stackOptions.sectionRead("deployed");
        for (String section : stackOptions.sections()) {
            if (OWN_SECTIONS.contains(section)) continue;
            if (top.containsKey(section)) stackSection(top.get(section), section, file, stackOptions);
            stackOptions.sectionRead(section);
        }
        PathFilter entities = filter(top.get("entities"), "entities", file, stackOptions);
        stackOptions.sectionRead("entities");
        PathFilter migrations = filter(top.get("migrations"), "migrations", file, stackOptions);
        stackOptions.sectionRead("migrations");
        RuleSettings rules = top.containsKey("rules") ? rules(top.get("rules"), file) : RuleSettings.DEFAULTS;
        if (top.containsKey("on-missing-tool")) checkOnMissingTool(text, root, top.get("on-missing-tool"), file);
        Map<String, String> allowedEdits = top.containsKey("allowed-edits")
                ? allowedEdits(top.get("allowed-edits"), file) : Map.of();
        String baseline = top.containsKey("baseline") ? baseline(top.get("baseline"), file) : null;
        Dialect dialect = top.containsKey("dialect") ? dialect(top.get("dialect"), file) : null;
        validateRuleOptions(rules, file);
        return new Settings(deployed, new Scope(entities, migrations), rules, allowedEdits, baseline,
                stackOptions.values(), dialect);
    }

    /** A section only stacks read (liquibase): a map of their keys. */
    private static void stackSection(YamlNode node, String section, String file, StackOptions stackOptions) {
        requireMap(node, file, section);
        checkKeys(node, stackOptions.keysUnder(section), file, "key under " + section);
    }

    private static DeployedSettings deployed(YamlNode d, String file, Set<String> historyTables) {
        Map<String, YamlNode> dm = requireMap(d, file, "deployed");
        checkKeys(d, DEPLOYED_KEYS, file, "key under deployed");
        String ref = dm.containsKey("ref") ? requireText(dm.get("ref"), file, "deployed.ref") : null;
        String lockFile = dm.containsKey("lock-file")
                ? requireText(dm.get("lock-file"), file, "deployed.lock-file") : DeployedSettings.DEFAULT_LOCK_FILE;
        DeployedFrom from = null;
        if (dm.containsKey("from")) {
            YamlNode f = dm.get("from");
            String url = requireText(f, file, "deployed.from");
            if (!url.startsWith("jdbc:")) {
                throw new CannotJudge(file + ":" + f.line() + ": deployed.from must be a JDBC URL (jdbc:...), not '"
                        + url.replaceAll("//[^/@]*@", "//***@") + "'");
            }
            // Until the caller learns that the file lies outside the work tree, the repository wrote it.
            from = new DeployedFrom(url, "deployed.from in " + file + ":" + f.line(), true);
        }
        Map<String, String> tables = new LinkedHashMap<>();
        if (dm.containsKey("tables")) {
            YamlNode t = dm.get("tables");
            Map<String, YamlNode> tm = requireMap(t, file, "deployed.tables");
            checkKeys(t, historyTables, file, "key under deployed.tables");
            for (var e : tm.entrySet()) {
                String name = requireText(e.getValue(), file, "deployed.tables." + e.getKey());
                if (!TABLE_NAME.matcher(name).matches()) {
                    throw new CannotJudge(file + ":" + e.getValue().line() + ": deployed.tables." + e.getKey()
                            + " must be a table name ([schema.]name), not '" + name + "'");
                }
                tables.put(e.getKey(), name);
            }
        }
        return new DeployedSettings(ref, lockFile, from, tables);
    }

    /** The include and exclude globs of {@code entities} or {@code migrations}, beside the keys stacks read there. */
    private static PathFilter filter(YamlNode node, String section, String file, StackOptions stackOptions) {
        if (node == null) return PathFilter.ALL;
        Map<String, YamlNode> map = requireMap(node, file, section);
        Set<String> allowed = new HashSet<>(Set.of("include", "exclude"));
        allowed.addAll(stackOptions.keysUnder(section));
        checkKeys(node, allowed, file, "key under " + section);
        return new PathFilter(strings(map.get("include"), file, section + ".include"),
                strings(map.get("exclude"), file, section + ".exclude"));
    }

    private static RuleSettings rules(YamlNode r, String file) {
        Map<String, YamlNode> rules = requireMap(r, file, "rules");
        Map<String, Severity> severities = new LinkedHashMap<>();
        Set<String> off = new HashSet<>();
        Map<String, OptionValues> options = new LinkedHashMap<>();
        for (var entry : rules.entrySet()) {
            String id = entry.getKey();
            int line = r.keyLine(id);
            RuleMeta meta = RuleCatalog.find(id).orElseThrow(() -> new CannotJudge(file + ":" + line
                    + ": unknown rule id '" + id + "' (known: " + String.join(", ", RuleCatalog.ids()) + ")"));
            YamlNode v = entry.getValue();
            if (v.text() != null) {
                applySeverity(v, id, file, severities, off);
            } else if (v.map() != null) {
                Set<String> allowed = new HashSet<>(Arrays.asList(meta.options()));
                allowed.add("severity");
                checkKeys(v, allowed, file, "option of " + id);
                Map<String, YamlNode> om = v.map();
                if (om.containsKey("severity")) applySeverity(om.get("severity"), id, file, severities, off);
                options.put(id, new NodeOptions(om, file, id + "."));
            } else {
                throw new CannotJudge(file + ":" + v.line() + ": rules." + id
                        + " must be a severity (error, warning, info, off) or a map of options");
            }
        }
        return new RuleSettings(severities, off, options);
    }

    private static void applySeverity(YamlNode v, String id, String file, Map<String, Severity> severities,
                                      Set<String> off) {
        String text = requireText(v, file, "rules." + id);
        if (text.equalsIgnoreCase("off") || text.equalsIgnoreCase("false")) {
            off.add(id);
            return;
        }
        Severity s = Severity.parse(text);
        if (s == null) {
            throw new CannotJudge(file + ":" + v.line() + ": severity of " + id
                    + " must be error, warning, info or off, not '" + text + "'");
        }
        severities.put(id, s);
    }

    /** Builds every rule once so that a bad option value fails now, with the file, not halfway through a run. */
    private static void validateRuleOptions(RuleSettings rules, String file) {
        try {
            RuleCatalog.build(rules.options(), new HashSet<>(RuleCatalog.ids()));
        } catch (OptionValues.BadOption e) {
            throw new CannotJudge(file + ": " + e.getMessage());
        }
    }

    /**
     * {@code on-missing-tool} is read by the hook script only (when the tool itself cannot run); here it is checked, so
     * that a typo or a spelling the script would not see stops the run instead of being ignored.
     */
    private static void checkOnMissingTool(String text, YamlNode root, YamlNode value, String file) {
        int line = root.keyLine("on-missing-tool");
        String v = requireText(value, file, "on-missing-tool");
        if (!v.equals("allow") && !v.equals("refuse")) {
            throw new CannotJudge(file + ":" + line + ": on-missing-tool must be allow or refuse, not '" + v + "'");
        }
        String[] lines = text.split("\\R", -1);
        if (v.equals("allow") && (line < 1 || line > lines.length || !HOOK_READABLE_ALLOW.matcher(lines[line - 1]).matches())) {
            throw new CannotJudge(file + ":" + line + ": write on-missing-tool as the line 'on-missing-tool: allow' "
                    + "at the top level (the hook reads it without a YAML parser when Java or the jar is missing)");
        }
    }

    private static Map<String, String> allowedEdits(YamlNode a, String file) {
        List<YamlNode> list = a.list();
        if (list == null) throw new CannotJudge(file + ":" + a.line() + ": allowed-edits must be a list");
        Map<String, String> allowedEdits = new LinkedHashMap<>();
        for (YamlNode item : list) {
            Map<String, YamlNode> im = requireMap(item, file, "an allowed-edits entry");
            checkKeys(item, Set.of("path", "reason"), file, "key of an allowed-edits entry");
            String path = im.containsKey("path") ? requireText(im.get("path"), file, "path") : null;
            String reason = im.containsKey("reason") ? requireText(im.get("reason"), file, "reason") : null;
            if (path == null || reason == null || reason.isBlank()) {
                throw new CannotJudge(file + ":" + item.line()
                        + ": an allowed-edits entry needs both a path and a reason");
            }
            allowedEdits.put(path, reason);
        }
        return allowedEdits;
    }

    private static String baseline(YamlNode node, String file) {
        String baseline = requireText(node, file, "baseline");
        if (baseline.isBlank()) throw new CannotJudge(file + ":" + node.line() + ": baseline must name a file");
        return baseline;
    }

    /** One of our own ids exactly: a JDBC URL or a driver name here would be a guess at what was meant. */
    private static Dialect dialect(YamlNode node, String file) {
        String allowed = String.join(", ", Arrays.stream(Dialect.values()).map(Dialect::id).toList());
        String text = node.text();
        for (Dialect d : Dialect.values()) {
            if (d.id().equals(text)) return d;
        }
        throw new CannotJudge(file + ":" + node.line() + ": dialect must be one of " + allowed
                + (text == null ? "" : ", not '" + text + "'"));
    }

    static List<String> strings(YamlNode node, String file, String what) {
        if (node == null || node.value() == null) return List.of();
        if (node.text() != null) return List.of(node.text());
        List<YamlNode> list = node.list();
        if (list == null) throw new CannotJudge(file + ":" + node.line() + ": " + what + " must be a list");
        List<String> out = new ArrayList<>();
        for (YamlNode n : list) out.add(requireText(n, file, what + " entry"));
        return out;
    }

    private static Map<String, YamlNode> requireMap(YamlNode node, String file, String what) {
        Map<String, YamlNode> m = node.map();
        if (m == null) throw new CannotJudge(file + ":" + node.line() + ": " + what + " must be a map");
        return m;
    }

    private static String requireText(YamlNode node, String file, String what) {
        String t = node.text();
        if (t == null) throw new CannotJudge(file + ":" + node.line() + ": " + what + " must be a single value");
        return t;
    }

    private static void checkKeys(YamlNode node, Set<String> allowed, String file, String what) {
        for (String key : node.map().keySet()) {
            if (!allowed.contains(key)) {
                throw new CannotJudge(file + ":" + node.keyLine(key) + ": unknown " + what + " '" + key
                        + "' (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /**
     * The options the stacks declare ({@code section.key}), found in the file: which sections and keys they make
     * known, and each stack's values, checked by the stack once the sections holding them are read.
     */
    private static final class StackOptions {
        private final List<Stack> stacks;
        private final Map<String, YamlNode> top;
        private final String file;
        private final Set<String> read = new HashSet<>();
        private final Set<Stack> checked = new HashSet<>();

        StackOptions(List<Stack> stacks, Map<String, YamlNode> top, String file) {
            this.stacks = stacks;
            this.top = top;
            this.file = file;
        }

        /** The sections that hold a stack's key, in the order the stacks and their keys are declared. */
        Set<String> sections() {
            Set<String> sections = new LinkedHashSet<>();
            for (Stack s : stacks) for (String key : s.options()) sections.add(section(key));
            return sections;
        }

        Set<String> keysUnder(String section) {
            Set<String> keys = new HashSet<>();
            for (Stack s : stacks) {
                for (String key : s.options()) {
                    if (section(key).equals(section)) keys.add(key.substring(key.indexOf('.') + 1));
                }
            }
            return keys;
        }

        /** The ids of the stacks whose migration tool keeps a history table: the keys of deployed.tables. */
        Set<String> historyTables() {
            Set<String> ids = new HashSet<>();
            for (Stack s : stacks) {
                if (s.migrationTool().flatMap(MigrationTool::historyTable).isPresent()) ids.add(s.id());
            }
            return ids;
        }

        /** Marks a section read, and has every stack whose keys are now all read check its values. */
        void sectionRead(String section) {
            read.add(section);
            for (Stack s : stacks) {
                if (s.options().isEmpty() || checked.contains(s)) continue;
                if (!s.options().stream().allMatch(k -> read.contains(section(k)))) continue;
                checked.add(s);
                NodeOptions values = of(s);
                try {
                    s.parts(values);
                } catch (OptionValues.BadOption e) {
                    YamlNode at = values.node(e.key);
                    throw new CannotJudge(file + (at == null ? "" : ":" + at.line()) + ": " + e.getMessage());
                }
            }
        }

        Map<String, OptionValues> values() {
            Map<String, OptionValues> values = new LinkedHashMap<>();
            for (Stack s : stacks) if (!s.options().isEmpty()) values.put(s.id(), of(s));
            return values;
        }

        private NodeOptions of(Stack s) {
            Map<String, YamlNode> nodes = new LinkedHashMap<>();
            for (String key : s.options()) {
                YamlNode section = top.get(section(key));
                YamlNode value = section == null || section.map() == null ? null
                        : section.map().get(key.substring(key.indexOf('.') + 1));
                if (value != null) nodes.put(key, value);
            }
            return new NodeOptions(nodes, file, "");
        }

        private static String section(String key) {
            int dot = key.indexOf('.');
            return dot < 0 ? key : key.substring(0, dot);
        }
    }

    /**
     * Options read from YAML nodes by key; {@code prefix} makes the key the message names ({@code
     * vague-migration-name.} before a rule's own keys, nothing before a stack's dotted ones).
     */
    private record NodeOptions(Map<String, YamlNode> map, String file, String prefix) implements OptionValues {
        @Override
        public Optional<String> string(String key) {
            YamlNode n = map.get(key);
            return n == null ? Optional.empty() : Optional.of(requireText(n, file, prefix + key));
        }

        @Override
        public Optional<List<String>> strings(String key) {
            YamlNode n = map.get(key);
            return n == null ? Optional.empty() : Optional.of(ConfigLoader.strings(n, file, prefix + key));
        }

        @Override
        public Optional<List<Map<String, String>>> entries(String key) {
            YamlNode n = map.get(key);
            if (n == null || n.value() == null) return n == null ? Optional.empty() : Optional.of(List.of());
            List<YamlNode> list = n.list();
            if (list == null) throw new CannotJudge(file + ":" + n.line() + ": " + prefix + key + " must be a list");
            List<Map<String, String>> out = new ArrayList<>();
            for (YamlNode entry : list) {
                Map<String, YamlNode> m = requireMap(entry, file, prefix + key + " entry");
                Map<String, String> values = new LinkedHashMap<>();
                for (var e : m.entrySet()) {
                    values.put(e.getKey(), requireText(e.getValue(), file, prefix + key + " entry's " + e.getKey()));
                }
                out.add(values);
            }
            return Optional.of(out);
        }

        YamlNode node(String key) {
            return map.get(key);
        }
    }
}
