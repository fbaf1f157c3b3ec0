package dev.migrationguard.springboot;

import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.testing.Locations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader never throws and points inside the file; what the files tell production does not hang on their order. */
class BootSettingsPropertiesTest {
    private static final List<String> NAMES = List.of("application.yml", "application-prod.yaml",
            "application.properties", "application-production.properties", "config/application-dev.yml");

    @Property(tries = 300)
    void neverThrowsAndLocationsLieInside(@ForAll String content) {
        check("application.yml", content);
        check("application-prod.properties", content);
    }

    @Property(tries = 300)
    void settingsLikeInputNeverThrows(@ForAll("settingsText") String content) {
        check("application.yaml", content);
        check("application.properties", content);
        BootSettings.forProduction(List.of(BootFile.parse("application.yml", content)),
                List.of("spring.liquibase.contexts"));
    }

    @Property(tries = 200)
    void productionsValueDoesNotDependOnTheOrderOfTheFiles(@ForAll("projects") List<Tuple.Tuple2<String, String>> files,
                                                          @ForAll long seed) {
        List<BootFile> parsed = new ArrayList<>();
        for (var f : files) parsed.add(BootFile.parse(f.get1(), f.get2()));
        List<BootFile> shuffled = new ArrayList<>(parsed);
        Collections.shuffle(shuffled, new Random(seed));
        List<String> keys = List.of("spring.liquibase.contexts");
        assertEquals(BootSettings.forProduction(parsed, keys), BootSettings.forProduction(shuffled, keys));
    }

    @Provide
    Arbitrary<String> settingsText() {
        return lines().list().ofMaxSize(12).map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> projects() {
        Arbitrary<String> file = Arbitraries.of("spring.liquibase.contexts: a", "spring.liquibase.contexts=b",
                        "spring.liquibase.contexts: ${X:a}", "spring.liquibase.contexts: ${X}", "---", "#---",
                        "spring.config.activate.on-profile: prod", "spring.profiles=!dev", "spring.profiles: dev",
                        "spring.config.activate.on-profile=prod & cloud", "spring.liquibase.contexts:\n  - a\n  - c",
                        "x: 1")
                .list().ofMaxSize(6).map(l -> String.join("\n", l) + "\n");
        return Combinators.files(Arbitraries.of(NAMES), file);
    }

    private static Arbitrary<String> lines() {
        return Arbitraries.of("spring:", "  liquibase:", "    contexts: prod", "  config.activate.on-profile: prod",
                "---", "#---", "!---", "- a", "  - b", "key: [1, 2", "\"q", "'x'", "\t", "a: {b: c}", "&anchor x",
                "*anchor", "!!str y", "a[0]=x", "a[]=y", "b[99999999999]=z", "k=v \\", "   ", ":", "? x",
                "v: @token@", "${", "${A:${B", "on-profile: (prod");
    }

    private static void check(String path, String content) {
        BootFile file = BootFile.parse(path, content);
        for (ParseProblem p : file.problems()) {
            assertTrue(Locations.inside(p.location(), content), p + " in " + content);
        }
        for (BootDocument doc : file.documents()) {
            for (BootSetting s : doc.settings()) {
                assertTrue(Locations.inside(s.location(), content), s + " in " + content);
            }
            if (doc.profile() != null) BootSettings.holdsInProduction(doc.profile());
        }
    }

    /** Distinct file names, each with its content. */
    private static final class Combinators {
        static Arbitrary<List<Tuple.Tuple2<String, String>>> files(Arbitrary<String> names, Arbitrary<String> content) {
            return Arbitraries.maps(names, content).ofMaxSize(NAMES.size())
                    .map(m -> m.entrySet().stream().map(e -> Tuple.of(e.getKey(), e.getValue())).toList());
        }
    }
}
