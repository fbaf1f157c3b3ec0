package dev.migrationguard.config;

import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.Severity;
import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.settings.PathFilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code .migration-guard.yml}. Every key is checked: an unknown key, rule id, option or value stops the run
 * (exit 2) with the file and line, because a silently ignored setting is worse than none.
 */
public final class ConfigLoader {
    private static final Set<String> TOP = Set.of("deployed", "entities", "migrations", "rules", "allowed-edits",
            "on-missing-tool", "liquibase", "baseline");
    /**
     * How the pre-commit hook script reads {@code on-missing-tool: allow} with grep when Java or the jar is missing (it
     * cannot run this parser then). Any other spelling of {@code allow} is refused here, so the two never disagree.
     */
    static final java.util.regex.Pattern HOOK_READABLE_ALLOW =
            java.util.regex.Pattern.compile("^on-missing-tool:[ \\t]+(allow|\"allow\"|'allow')([ \\t]+#.*)?[ \\t]*$");

    private ConfigLoader() {
    }

    public static Config parse(String text, String file) {
        YamlNode root = YamlNode.parse(text, file);
        if (root.value() == null) return Config.defaults();
        Map<String, YamlNode> top = requireMap(root, file, "the configuration");
        checkKeys(root, TOP, file, "top-level key");

        String deployedRef = null;
        Config.Ledgers ledgers = Config.Ledgers.DEFAULTS;
        if (top.containsKey("deployed")) {
            YamlNode d = top.get("deployed");
            Map<String, YamlNode> dm = requireMap(d, file, "deployed");
            checkKeys(d, Set.of("ref", "lock-file", "from", "tables"), file, "key under deployed");
            if (dm.containsKey("ref")) deployedRef = requireText(dm.get("ref"), file, "deployed.ref");
            ledgers = ledgers(dm, file);
        }
        List<String> masters = List.of();
        if (top.containsKey("liquibase")) {
            YamlNode l = top.get("liquibase");
            Map<String, YamlNode> lm = requireMap(l, file, "liquibase");
            checkKeys(l, Set.of("changelogs"), file, "key under liquibase");
            masters = strings(lm.get("changelogs"), file, "liquibase.changelogs");
        }
        PathFilter entities = PathFilter.ALL;
        String naming = "spring";
        String typeormNaming = "default";
        if (top.containsKey("entities")) {
            YamlNode e = top.get("entities");
            Map<String, YamlNode> em = requireMap(e, file, "entities");
            checkKeys(e, Set.of("include", "exclude", "naming", "typeorm-naming"), file, "key under entities");
            entities = filter(em, file, "entities");
            if (em.containsKey("naming")) {
                naming = requireText(em.get("naming"), file, "entities.naming").toLowerCase(Locale.ROOT);
                if (!naming.equals("spring") && !naming.equals("hibernate")) {
                    throw new CannotJudge(file + ":" + em.get("naming").line()
                            + ": entities.naming must be spring or hibernate, not '" + naming + "'");
                }
            }
            if (em.containsKey("typeorm-naming")) {
                typeormNaming = requireText(em.get("typeorm-naming"), file, "entities.typeorm-naming")
                        .toLowerCase(Locale.ROOT);
                if (!typeormNaming.equals("default") && !typeormNaming.equals("snake")) {
                    throw new CannotJudge(file + ":" + em.get("typeorm-naming").line()
                            + ": entities.typeorm-naming must be default or snake, not '" + typeormNaming + "'");
                }
            }
        }
        PathFilter migrations = PathFilter.ALL;
        if (top.containsKey("migrations")) {
            YamlNode m = top.get("migrations");
            Map<String, YamlNode> mm = requireMap(m, file, "migrations");
            checkKeys(m, Set.of("include", "exclude"), file, "key under migrations");
            migrations = filter(mm, file, "migrations");
        }

        Map<String, Severity> severities = new LinkedHashMap<>();
        Set<String> off = new HashSet<>();
        Map<String, OptionValues> options = new LinkedHashMap<>();
        if (top.containsKey("rules")) {
            YamlNode r = top.get("rules");
            Map<String, YamlNode> rules = requireMap(r, file, "rules");
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
                    options.put(id, new NodeOptions(om, file, id));
                } else {
                    throw new CannotJudge(file + ":" + v.line() + ": rules." + id
                            + " must be a severity (error, warning, info, off) or a map of options");
                }
            }
        }
        if (top.containsKey("on-missing-tool")) checkOnMissingTool(text, root, top.get("on-missing-tool"), file);
        Map<String, String> allowedEdits = new LinkedHashMap<>();
        if (top.containsKey("allowed-edits")) {
            YamlNode a = top.get("allowed-edits");
            List<YamlNode> list = a.list();
            if (list == null) throw new CannotJudge(file + ":" + a.line() + ": allowed-edits must be a list");
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
        }
        String baseline = top.containsKey("baseline") ? requireText(top.get("baseline"), file, "baseline") : null;
        if (baseline != null && baseline.isBlank()) {
            throw new CannotJudge(file + ":" + top.get("baseline").line() + ": baseline must name a file");
        }
        Config config = Config.builder().source(file).deployedRef(deployedRef).entities(entities).migrations(migrations)
                .naming(naming).typeormNaming(typeormNaming).severities(severities).off(off).ruleOptions(options)
                .allowedEdits(allowedEdits).ledgers(ledgers).liquibaseMasters(masters).baseline(baseline).build();
        validateOptions(config, file);
        return config;
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

    private static Config.Ledgers ledgers(Map<String, YamlNode> deployed, String file) {
        String lockFile = deployed.containsKey("lock-file")
                ? requireText(deployed.get("lock-file"), file, "deployed.lock-file") : "migrations.lock";
        Config.DeployedFrom from = null;
        if (deployed.containsKey("from")) {
            YamlNode f = deployed.get("from");
            String url = requireText(f, file, "deployed.from");
            if (!url.startsWith("jdbc:")) {
                throw new CannotJudge(file + ":" + f.line() + ": deployed.from must be a JDBC URL (jdbc:...), not '"
                        + url.replaceAll("//[^/@]*@", "//***@") + "'");
            }
            // Until the caller learns that the file lies outside the work tree, the repository wrote it.
            from = new Config.DeployedFrom(url, "deployed.from in " + file + ":" + f.line(), true);
        }
        Map<String, String> tables = new java.util.HashMap<>(Config.Ledgers.DEFAULT_TABLES);
        if (deployed.containsKey("tables")) {
            YamlNode t = deployed.get("tables");
            Map<String, YamlNode> tm = requireMap(t, file, "deployed.tables");
            checkKeys(t, Config.Ledgers.DEFAULT_TABLES.keySet(), file, "key under deployed.tables");
            for (var e : tm.entrySet()) {
                String name = requireText(e.getValue(), file, "deployed.tables." + e.getKey());
                if (!name.matches("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?")) {
                    throw new CannotJudge(file + ":" + e.getValue().line() + ": deployed.tables." + e.getKey()
                            + " must be a table name ([schema.]name), not '" + name + "'");
                }
                tables.put(e.getKey(), name);
            }
        }
        return new Config.Ledgers(lockFile, from, tables);
    }

    /** Builds every rule once so that a bad option value fails now, with the file, not halfway through a run. */
    private static void validateOptions(Config config, String file) {
        try {
            RuleCatalog.build(config.ruleOptions(), new HashSet<>(RuleCatalog.ids()));
        } catch (OptionValues.BadOption e) {
            throw new CannotJudge(file + ": " + e.getMessage());
        }
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

    private static PathFilter filter(Map<String, YamlNode> map, String file, String section) {
        return new PathFilter(strings(map.get("include"), file, section + ".include"),
                strings(map.get("exclude"), file, section + ".exclude"));
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

    /** Options read from the YAML map of one rule. */
    private record NodeOptions(Map<String, YamlNode> map, String file, String rule) implements OptionValues {
        @Override
        public Optional<String> string(String key) {
            YamlNode n = map.get(key);
            return n == null ? Optional.empty() : Optional.of(requireText(n, file, rule + "." + key));
        }

        @Override
        public Optional<List<String>> strings(String key) {
            YamlNode n = map.get(key);
            return n == null ? Optional.empty() : Optional.of(ConfigLoader.strings(n, file, rule + "." + key));
        }
    }
}
