package dev.migrationguard;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package rules hold for the code (the classes of src/main, read from their bytecode, so a fully qualified name
 * in the source is caught like an import), and each of them fails on the deliberately wrong classes of
 * {@code archfixture}, which commit the cycles and sideways uses issue 9 found on main.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.migrationguard");
    private static final JavaClasses WRONG = new ClassFileImporter().importPackages("archfixture");

    @TestFactory
    Stream<DynamicTest> theCodeKeepsEveryRule() {
        return ArchitectureRules.of("dev.migrationguard").entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> rule.getValue().check(MAIN)));
    }

    /** Every top-level package is in the table (and so in README's), and every package of the table exists. */
    @Test
    void theTableListsEveryPackage() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : MAIN) packages.add(c.getPackageName().split("\\.")[2]);
        Set<String> listed = new TreeSet<>(ArchitectureRules.TABLE.keySet());
        listed.add("cli");
        assertEquals(listed, packages);
    }

    /** README's package table names the packages of the code, no more, no less. */
    @Test
    void readmesTableListsEveryPackage() throws IOException {
        String readme = Files.readString(ProjectRoot.file("README.md"));
        String section = readme.substring(readme.indexOf("| package | role |"), readme.indexOf("**A new stack**"));
        Set<String> named = new TreeSet<>();
        for (String row : section.split("\n")) {
            if (!row.startsWith("| `")) continue;
            Matcher m = Pattern.compile("`([a-z]+)`").matcher(row.substring(0, row.indexOf(" |", 2)));
            while (m.find()) named.add(m.group(1));
        }
        Set<String> listed = new TreeSet<>(ArchitectureRules.TABLE.keySet());
        listed.add("cli");
        assertEquals(listed, named);
    }

    /** Each rule, against the wrong classes: the classes named must be among those it reports. */
    @TestFactory
    Stream<DynamicTest> everyRuleFailsOnTheWrongClasses() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("no package cycle", List.of("archfixture.rules.EngineRule", "archfixture.engine.Engine",
                        "archfixture.config.Config", "archfixture.rules.Catalog")),
                Map.entry("every package uses only what README's table allows", List.of("archfixture.model.Finding",
                        "archfixture.engine.Engine", "archfixture.flyway.JavaMigrationSql",
                        "archfixture.database.DatabaseLedger", "archfixture.typescript.Cache",
                        "archfixture.typeorm.Parser", "archfixture.settings.Settings")),
                Map.entry("model depends on the JDK alone", List.of("archfixture.model.Finding")),
                Map.entry("settings depends on [model] alone", List.of("archfixture.settings.Settings")),
                Map.entry("stack depends on [model, settings] alone", List.of("archfixture.stack.Reader")),
                Map.entry("analysis depends on [model, settings, stack] alone", List.of("archfixture.analysis.Analysis")),
                Map.entry("report depends on [model] alone", List.of("archfixture.report.SarifRenderer")),
                Map.entry("only git uses JGit", List.of("archfixture.rules.GitRule")),
                Map.entry("only typescript uses swc4j", List.of("archfixture.typeorm.Parser")),
                Map.entry("only jpa and javasrc use JavaParser", List.of("archfixture.flyway.JavaMigrationSql")),
                Map.entry("only sql uses JSqlParser", List.of("archfixture.liquibase.Statements")),
                Map.entry("only the stacks, springboot and config parse YAML",
                        List.of("archfixture.report.YamlRenderer")),
                Map.entry("rules use no parser, no git, no configuration loader, no stack",
                        List.of("archfixture.rules.GitRule", "archfixture.rules.Catalog")),
                Map.entry("nothing uses cli", List.of("archfixture.engine.Engine")),
                Map.entry("jpa uses no other stack and nothing above the contracts", List.of("archfixture.jpa.Reader")),
                Map.entry("spring uses no other stack and nothing above the contracts", List.of("archfixture.spring.Reader")),
                Map.entry("flyway uses no other stack and nothing above the contracts",
                        List.of("archfixture.flyway.JavaMigrationSql")),
                Map.entry("liquibase uses no other stack and nothing above the contracts",
                        List.of("archfixture.liquibase.Statements")),
                Map.entry("typeorm uses no other stack and nothing above the contracts", List.of("archfixture.typeorm.Parser")),
                Map.entry("sqlfolders uses no other stack and nothing above the contracts",
                        List.of("archfixture.sqlfolders.Reader")),
                Map.entry("the engine uses no stack, no git, no configuration loader, no ledger",
                        List.of("archfixture.engine.Engine")),
                Map.entry("ledgers use no stack", List.of("archfixture.database.DatabaseLedger")),
                Map.entry("typescript uses no configuration", List.of("archfixture.typescript.Cache")));
        Map<String, ArchRule> rules = ArchitectureRules.of("archfixture");
        assertEquals(rules.keySet(), expected.keySet(), "every rule has a wrong class that breaks it");
        List<DynamicTest> tests = new ArrayList<>();
        for (var rule : rules.entrySet()) {
            tests.add(DynamicTest.dynamicTest(rule.getKey(), () -> {
                EvaluationResult result = rule.getValue().evaluate(WRONG);
                assertTrue(result.hasViolation(), rule.getKey() + " passed on the wrong classes");
                String report = String.join("\n", result.getFailureReport().getDetails());
                for (String culprit : expected.get(rule.getKey())) {
                    assertTrue(report.contains(culprit), rule.getKey() + " does not name " + culprit + ":\n" + report);
                }
                assertFalse(report.isBlank());
            }));
        }
        return tests.stream();
    }
}
