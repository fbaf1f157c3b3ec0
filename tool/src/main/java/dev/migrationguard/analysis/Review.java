package dev.migrationguard.analysis;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.PhysicalSchema;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the reviewer rules read migrations with: the migrations under review, each with the database it is written for
 * and the schema before it, the entities of the running release, and every migration's identity on both sides for the
 * ordering rules. Everything beyond {@link #migrations()} is read on first ask.
 */
public interface Review {
    /** Nothing to review. */
    Review NONE = new Review() {
        @Override
        public List<Reviewed> migrations() {
            return List.of();
        }

        @Override
        public List<PhysicalSchema> deployedEntities() {
            return List.of();
        }

        @Override
        public List<Migration> afterIdentities() {
            return List.of();
        }

        @Override
        public List<Migration> deployedNames() {
            return List.of();
        }

        @Override
        public PhysicalSchema replay(PhysicalSchema schema, Migration migration, Side... sides) {
            return schema;
        }
    };

    /**
     * The migrations whose content the reviewer rules judge: in check mode the new ones, in lint the ones not yet
     * deployed (a deployed one has run; rewriting it is its own mistake). Each stack's in its runner's order.
     */
    List<Reviewed> migrations();

    /**
     * What the entities on the deploy ref map, one schema per entity reader with entities there: the release that
     * keeps running while the new one deploys. Empty when there is no deploy ref.
     */
    List<PhysicalSchema> deployedEntities();

    /**
     * What the entities on the deploy ref map, read first from only the entity files whose text names {@code table}
     * ({@link #loose loosely}: a name any entity derives it from is written in its file, as its class name or its
     * table name): that part is the answer when {@code settles} accepts it, else {@link #deployedEntities()} is. For a
     * question a part can settle (a table some entity still maps is mapped, whatever the others map), which on the
     * pre-commit path then parses a few entity files rather than all of them.
     */
    default List<PhysicalSchema> deployedEntitiesNaming(String table, Predicate<List<PhysicalSchema>> settles) {
        return deployedEntities();
    }

    /**
     * A name as entities and migrations are compared by when the naming strategy is not known: any case, underscores
     * left out ({@code checkDelay} and {@code check_delay} are one).
     */
    static String loose(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "");
    }

    /** Every migration on the side the change produces, identified (not parsed), of every stack. */
    List<Migration> afterIdentities();

    /**
     * Every migration on the deploy ref as a rule that orders migrations needs it: stack, id, kind, version and path,
     * no checksum. A migration its path names (Flyway's) is known without reading its file; any other is identified
     * (not parsed). Empty when there is no deploy ref.
     */
    List<Migration> deployedNames();

    /**
     * The schema after {@code migration}'s operations of each side in turn (its UP, then its DOWN, say) are applied to
     * {@code schema} as the database would apply them; what cannot be read leaves the tables it names incomplete.
     */
    PhysicalSchema replay(PhysicalSchema schema, Migration migration, Side... sides);
}
