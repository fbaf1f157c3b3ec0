package dev.migrationguard.engine;

import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@link Reviews} reads the deploy ref's entities for a rule: the files naming a table first, all when needed. */
class ReviewsTest {
    private static final MemorySnapshot DEPLOYED = MemorySnapshot.of(
            "Thing1.java", "@Table(name = \"thing_1\") class Thing1 {}",
            "Thing10.java", "@Table(name = \"thing_10\") class Thing10 {}",
            "Thing11.java", "class Thing11 { Thing1 parent; }",
            "Other.java", "class Other {}");

    /** The entity files each read was given, in order. */
    private final List<List<String>> reads = new ArrayList<>();

    private Reviews reviews() {
        var cs = new ChangeSet(ChangeSet.Mode.STAGED, List.of(), MemorySnapshot.of(), MemorySnapshot.of(), DEPLOYED,
                "main", List.of());
        return new Reviews(cs, List.of(), () -> Dialect.POSTGRES, () -> false, m -> false, List::of, null, false,
                (side, text) -> {
                    List<String> read = new ArrayList<>();
                    for (String p : side.paths()) if (text.test(side.readText(p).orElseThrow())) read.add(p);
                    reads.add(read);
                    List<Table> tables = new ArrayList<>();
                    return List.of(PhysicalSchema.of(Dialect.POSTGRES, tables, List.of(), List.of()));
                }, List::of, List::of);
    }

    @Test
    void aPartThatSettlesTheQuestionIsAllThatIsRead() {
        Reviews r = reviews();
        r.deployedEntitiesNaming("thing_1", part -> true);
        assertEquals(List.of(List.of("Thing1.java", "Thing11.java")), sorted(reads));
    }

    @Test
    void aPartThatDoesNotSettleItIsFollowedByEveryEntity() {
        Reviews r = reviews();
        Predicate<List<PhysicalSchema>> never = part -> false;
        r.deployedEntitiesNaming("THING_1", never);
        r.deployedEntitiesNaming("thing1", never);
        assertEquals(List.of(List.of("Thing1.java", "Thing11.java"),
                List.of("Other.java", "Thing1.java", "Thing10.java", "Thing11.java")), sorted(reads),
                "the part is read once per loose name, and every entity once");
    }

    @Test
    void aNameIsAWholeWordOfTheLoosenedText() {
        assertTrue(Reviews.namesWord("@table(name = \"thing1\")", "thing1"));
        assertTrue(Reviews.namesWord("thing1", "thing1"));
        assertTrue(Reviews.namesWord("class x { thing10 a; thing1 b; }", "thing1"));
        assertFalse(Reviews.namesWord("class thing10 {}", "thing1"));
        assertFalse(Reviews.namesWord("class mything1 {}", "thing1"));
        assertFalse(Reviews.namesWord("anything", ""));
    }

    private static List<List<String>> sorted(List<List<String>> reads) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : reads) out.add(r.stream().sorted().toList());
        return out;
    }
}
