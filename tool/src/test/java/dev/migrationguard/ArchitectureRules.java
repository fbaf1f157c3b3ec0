package dev.migrationguard;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of README.md's flow (source, parse, model, rules, processors, report), written for any root
 * package: {@link ArchitectureTest} holds the code to them, and holds them to deliberately wrong classes (the
 * {@code archfixture} package of the tests) to show that each would fail.
 */
final class ArchitectureRules {
    /** One package per ecosystem: none of them may use another. */
    static final List<String> STACKS = List.of("jpa", "spring", "flyway", "liquibase", "typeorm", "sqlfolders");
    private static final String JAVAPARSER = "com.github.javaparser..";
    private static final String JSQLPARSER = "net.sf.jsqlparser..";
    private static final String SWC4J = "com.caoccao.javet..";
    private static final String JGIT = "org.eclipse.jgit..";
    private static final String SNAKEYAML = "org.yaml..";
    private static final String JACKSON = "com.fasterxml.jackson..";
    private static final String JACKSON_CORE = "com.fasterxml.jackson.core..";
    private static final String JACKSON_YAML = "com.fasterxml.jackson.dataformat.yaml..";
    /** Besides the stacks, the packages that parse YAML: Spring Boot's settings files, and the tool's own file. */
    private static final List<String> YAML_READERS = List.of("springboot", "config");
    private static final String XML = "javax.xml..";
    /** The contracts below the engine, each with what it may use besides the JDK and itself. */
    static final Map<String, List<String>> CONTRACTS = Map.of(
            "model", List.of(),
            "settings", List.of("model"),
            "stack", List.of("model", "settings"),
            "analysis", List.of("model", "settings", "stack"),
            "report", List.of("model"));
    private static final List<String> STACK_CONTRACTS = List.of("model", "settings", "stack");
    /**
     * README's package table: what each package may use besides the JDK and itself, project packages by name and
     * libraries by their package pattern. cli may use everything, and is left out.
     */
    static final Map<String, List<String>> TABLE = Map.ofEntries(
            Map.entry("model", List.of()),
            Map.entry("settings", List.of("model")),
            Map.entry("stack", List.of("model", "settings")),
            Map.entry("analysis", List.of("model", "settings", "stack")),
            Map.entry("report", List.of("model", JACKSON, XML)),
            Map.entry("files", List.of("model")),
            Map.entry("builds", List.of("model", XML)),
            Map.entry("git", List.of("model", JGIT)),
            Map.entry("sql", List.of("model", JSQLPARSER)),
            Map.entry("replay", List.of("model", "files", JACKSON)),
            Map.entry("javasrc", List.of("model", JAVAPARSER)),
            Map.entry("typescript", List.of("model", "files", SWC4J)),
            Map.entry("jpa", with(STACK_CONTRACTS, "javasrc", JAVAPARSER)),
            Map.entry("springboot", List.of("model", JACKSON_CORE, JACKSON_YAML)),
            Map.entry("spring", with(STACK_CONTRACTS, "springboot")),
            Map.entry("flyway", with(STACK_CONTRACTS, "springboot", "sql", "javasrc", JACKSON)),
            Map.entry("liquibase", with(STACK_CONTRACTS, "springboot", "sql", JACKSON, XML, SNAKEYAML)),
            Map.entry("typeorm", with(STACK_CONTRACTS, "sql", "typescript", JACKSON)),
            Map.entry("sqlfolders", with(STACK_CONTRACTS, "sql")),
            Map.entry("stacks", with(STACKS, "stack")),
            Map.entry("ledger", with(STACK_CONTRACTS, JACKSON)),
            Map.entry("database", with(STACK_CONTRACTS, "javax.net..")),
            Map.entry("engine", List.of("model", "settings", "stack", "analysis", "report", "replay", "builds")),
            Map.entry("rules", List.of("model", "settings", "stack", "analysis")),
            Map.entry("config", List.of("model", "settings", "stack", "analysis", "rules", SNAKEYAML)),
            Map.entry("install", List.of("model")),
            Map.entry("daemon", List.of()));

    private ArchitectureRules() {
    }

    /** Every rule by a name that says what it forbids. */
    static Map<String, ArchRule> of(String root) {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("no package cycle", slices().matching(root + ".(*)..").should().beFreeOfCycles());
        List<ArchRule> table = new ArrayList<>();
        for (var row : TABLE.entrySet()) {
            List<String> allowed = new ArrayList<>(List.of(root + "." + row.getKey() + "..", "java.."));
            for (String p : row.getValue()) allowed.add(p.contains("..") ? p : root + "." + p + "..");
            table.add(classes().that().resideInAPackage(root + "." + row.getKey() + "..").should()
                    .onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new)).allowEmptyShould(true));
        }
        rules.put("every package uses only what README's table allows", CompositeArchRule.of(table));
        rules.put("model depends on the JDK alone", classes().that().resideInAPackage(root + ".model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".model..", "java.."));
        for (var contract : CONTRACTS.entrySet()) {
            if (contract.getKey().equals("model")) continue;
            List<String> allowed = new ArrayList<>(List.of(root + "." + contract.getKey() + "..", "java.."));
            for (String p : contract.getValue()) allowed.add(root + "." + p + "..");
            if (contract.getKey().equals("report")) allowed.addAll(List.of("javax.xml..", "com.fasterxml.jackson.."));
            rules.put(contract.getKey() + " depends on " + contract.getValue() + " alone",
                    classes().that().resideInAPackage(root + "." + contract.getKey() + "..")
                            .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new)));
        }
        rules.put("only git uses JGit", noClasses().that().resideOutsideOfPackage(root + ".git..")
                .should().dependOnClassesThat().resideInAPackage(JGIT));
        rules.put("only typescript uses swc4j", noClasses().that().resideOutsideOfPackage(root + ".typescript..")
                .should().dependOnClassesThat().resideInAPackage(SWC4J));
        rules.put("only jpa and javasrc use JavaParser", noClasses().that()
                .resideOutsideOfPackages(root + ".jpa..", root + ".javasrc..")
                .should().dependOnClassesThat().resideInAPackage(JAVAPARSER));
        List<String> yamlReaders = new ArrayList<>(STACKS);
        yamlReaders.addAll(YAML_READERS);
        rules.put("only the stacks, springboot and config parse YAML", noClasses().that()
                .resideOutsideOfPackages(packages(root, yamlReaders))
                .should().dependOnClassesThat().resideInAnyPackage(JACKSON_YAML, SNAKEYAML));
        rules.put("only sql uses JSqlParser", noClasses().that().resideOutsideOfPackage(root + ".sql..")
                .should().dependOnClassesThat().resideInAPackage(JSQLPARSER));
        rules.put("rules use no parser, no git, no configuration loader, no stack", noClasses().that()
                .resideInAPackage(root + ".rules..").should().dependOnClassesThat().resideInAnyPackage(
                        concat(List.of(JAVAPARSER, JSQLPARSER, SWC4J, JGIT, SNAKEYAML, root + ".git..",
                                root + ".config..", root + ".engine..", root + ".cli..", root + ".sql..",
                                root + ".javasrc..", root + ".typescript.."), packages(root, STACKS))));
        rules.put("nothing uses cli", noClasses().that().resideOutsideOfPackage(root + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(root + ".cli.."));
        for (String stack : STACKS) {
            List<String> others = new ArrayList<>();
            for (String other : STACKS) if (!other.equals(stack)) others.add(other);
            others.addAll(List.of("engine", "rules", "analysis", "config", "cli", "stacks", "database", "ledger",
                    "report", "git", "files", "install", "daemon"));
            rules.put(stack + " uses no other stack and nothing above the contracts", noClasses().that()
                    .resideInAPackage(root + "." + stack + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(packages(root, others)));
        }
        rules.put("the engine uses no stack, no git, no configuration loader, no ledger", noClasses().that()
                .resideInAPackage(root + ".engine..").should().dependOnClassesThat().resideInAnyPackage(
                        concat(List.of(root + ".config..", root + ".git..", root + ".cli..", root + ".stacks..",
                                root + ".database..", root + ".ledger..", root + ".files..", JGIT),
                                packages(root, STACKS))));
        rules.put("ledgers use no stack", noClasses().that()
                .resideInAnyPackage(root + ".database..", root + ".ledger..").should().dependOnClassesThat()
                .resideInAnyPackage(packages(root, STACKS)));
        rules.put("typescript uses no configuration", noClasses().that().resideInAPackage(root + ".typescript..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".config..", root + ".settings.."));
        return rules;
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static String[] packages(String root, List<String> names) {
        return names.stream().map(n -> root + "." + n + "..").toArray(String[]::new);
    }

    private static String[] concat(List<String> first, String[] second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }
}
