package dev.migrationguard.engine;

import dev.migrationguard.analysis.Once;
import dev.migrationguard.analysis.Review;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.replay.Replay;
import dev.migrationguard.replay.ReplayState;
import dev.migrationguard.replay.SetReplayer;
import dev.migrationguard.stack.EntityReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The engine's {@link Review}: which migrations the reviewer rules judge, and what they may ask about them. Nothing
 * beyond the migrations themselves is read until a rule asks; the schema before a migration is replayed only outside
 * the pre-commit path (a commit must not pay for replaying the whole history), so there rules that need an old column's
 * type stay silent.
 */
final class Reviews implements Review {
    private final List<Reviewed> migrations;
    private final Supplier<List<PhysicalSchema>> deployedEntities;
    private final Function<Predicate<String>, List<PhysicalSchema>> deployedEntitiesIn;
    /** The partial reads of {@link #deployedEntitiesNaming}, by loose name. */
    private final Map<String, List<PhysicalSchema>> deployedNaming = new HashMap<>();
    private final Supplier<List<Migration>> afterIdentities;
    private final Supplier<List<Migration>> deployedNames;

    /**
     * @param reviewed         the migrations to review, in any order
     * @param dialect          the run's database, for migrations whose set names none
     * @param dialectAssumed   whether the run's database is only assumed (nothing names it)
     * @param first            whether a migration is its project's first
     * @param afterSets        the runners' sets on the side the change produces
     * @param replayer         replays a set with its cache; null to replay without one
     * @param replayHistory    whether the schema before a migration may be replayed (not on the pre-commit path)
     * @param entities         reads the entities of a side into one schema per reader, from the entity files whose
     *                         text the predicate accepts
     */
    Reviews(ChangeSet cs, List<Migration> reviewed, Supplier<Dialect> dialect, BooleanSupplier dialectAssumed,
            Predicate<Migration> first,
            Supplier<List<MigrationSet>> afterSets, SetReplayer replayer, boolean replayHistory,
            BiFunction<Snapshot, Predicate<String>, List<PhysicalSchema>> entities,
            Supplier<List<Migration>> afterIdentities,
            Supplier<List<Migration>> deployedNames) {
        List<Migration> ordered = new ArrayList<>(reviewed);
        ordered.sort(Comparator.comparing(Migration::stack).thenComparing(Reviews::order));
        Set<String> created = new HashSet<>();
        List<Reviewed> out = new ArrayList<>();
        Supplier<Map<String, Place>> places = Once.of(() -> places(afterSets.get()));
        for (Migration m : ordered) {
            Dialect d = m.runner().dialect() != null ? m.runner().dialect() : dialect.get();
            // Kept per migration object, not in a map by value: a migration's record hash walks all its operations, and
            // on the pre-commit path its first use costs the hook milliseconds of method-handle set-up for nothing.
            Supplier<Optional<PhysicalSchema>> before = replayHistory
                    ? Once.of(() -> before(m, d, afterSets.get(), replayer, cs.after())) : Optional::empty;
            BooleanSupplier assumed = () -> m.runner().dialect() == null && dialectAssumed.getAsBoolean();
            BooleanSupplier isFirst = () -> first.test(m) || Optional.ofNullable(places.get().get(place(m)))
                    .map(p -> p.index() == 0).orElse(false);
            out.add(new Reviewed(m, d, assumed, Set.copyOf(created), isFirst, before,
                    Once.of(() -> earlier(m, ordered, places))));
            for (Operation op : m.operations()) {
                if (op.origin().side() == Side.UP && op instanceof Operation.CreateTable c) created.add(c.table().key());
            }
        }
        this.migrations = List.copyOf(out);
        this.deployedEntitiesIn = text -> cs.deployed() == null ? List.of() : entities.apply(cs.deployed(), text);
        this.deployedEntities = Once.of(() -> deployedEntitiesIn.apply(text -> true));
        this.afterIdentities = Once.of(afterIdentities);
        this.deployedNames = Once.of(() -> cs.deployed() == null ? List.of() : deployedNames.get());
    }

    /** Where a migration stands among its runner's: which set (by its index in the list), at which position. */
    private record Place(int set, int index) {
    }

    private static String place(Migration m) {
        return m.stack() + "\u0000" + m.path() + "\u0000" + m.id();
    }

    private static Map<String, Place> places(List<MigrationSet> sets) {
        Map<String, Place> out = new java.util.HashMap<>();
        for (int s = 0; s < sets.size(); s++) {
            List<Migration> ms = sets.get(s).migrations();
            for (int i = 0; i < ms.size(); i++) out.putIfAbsent(place(ms.get(i)), new Place(s, i));
        }
        return out;
    }

    /**
     * The migrations of {@code reviewed} in {@code m}'s set that its runner applies before it, in that order. The sets
     * are read only when another migration of its stack under review is in another file: the usual commit (one new
     * migration, or changeSets of one new changelog, which run in the order written) costs no read of the history.
     */
    private static List<Migration> earlier(Migration m, List<Migration> reviewed, Supplier<Map<String, Place>> sets) {
        List<Migration> others = new ArrayList<>();
        for (Migration o : reviewed) if (o != m && o.stack().equals(m.stack())) others.add(o);
        if (others.isEmpty()) return List.of();
        if (others.stream().allMatch(o -> o.path().equals(m.path()))) {
            List<Migration> before = new ArrayList<>();
            for (Migration o : reviewed) {
                if (o == m) break;
                if (o.stack().equals(m.stack())) before.add(o);
            }
            return before;
        }
        Map<String, Place> places = sets.get();
        Place at = places.get(place(m));
        if (at == null) return List.of();
        List<Migration> out = new ArrayList<>();
        for (Migration other : others) {
            Place p = places.get(place(other));
            if (p != null && p.set() == at.set() && p.index() < at.index()) out.add(other);
        }
        out.sort(Comparator.comparingInt(o -> places.get(place(o)).index()));
        return out;
    }

    /** Runner order within a stack: by version where there is one, else by path (a changelog's own order is kept). */
    private static String order(Migration m) {
        String v = m.version() == null ? "" : m.version();
        StringBuilder padded = new StringBuilder();
        for (String part : v.split("[._]")) {
            padded.append("0".repeat(Math.max(0, 20 - part.length()))).append(part).append('.');
        }
        return padded + "\u0000" + m.path();
    }

    /** The schema {@code m}'s set builds before it, replayed (with the cache when there is one); empty when it is in no set. */
    private static Optional<PhysicalSchema> before(Migration m, Dialect d, List<MigrationSet> sets,
                                                   SetReplayer replayer, Snapshot side) {
        for (MigrationSet set : sets) {
            List<Migration> ms = set.migrations();
            for (int i = 0; i < ms.size(); i++) {
                if (!ms.get(i).id().equals(m.id())) continue;
                MigrationSet prefix = new MigrationSet(set.stack(), set.project(), set.name(), set.dialect(),
                        ms.subList(0, i));
                if (replayer != null) return Optional.of(replayer.replay(prefix, d, side).state().schema());
                ReplayState state = ReplayState.start(set.dialect() != null ? set.dialect() : d);
                for (Migration earlier : prefix.migrations()) state = Replay.apply(state, earlier, Side.UP);
                return Optional.of(state.schema());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Reviewed> migrations() {
        return migrations;
    }

    @Override
    public List<PhysicalSchema> deployedEntities() {
        return deployedEntities.get();
    }

    /**
     * The entity files whose text names the table are read first; as names compare loosely, so does the text (a file
     * that writes {@code CheckDelay} names {@code check_delay}), as a whole word ({@code Thing10} does not name
     * {@code thing_1}).
     */
    @Override
    public synchronized List<PhysicalSchema> deployedEntitiesNaming(String table,
                                                                    Predicate<List<PhysicalSchema>> settles) {
        String name = Review.loose(table);
        List<PhysicalSchema> part = deployedNaming.computeIfAbsent(name,
                n -> deployedEntitiesIn.apply(text -> namesWord(Review.loose(text), n)));
        return settles.test(part) ? part : deployedEntities();
    }

    /** Whether {@code word} is in {@code text} with no letter or digit right before or after it. */
    static boolean namesWord(String text, String word) {
        if (word.isEmpty()) return false;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean before = at > 0 && Character.isLetterOrDigit(text.charAt(at - 1));
            boolean after = end < text.length() && Character.isLetterOrDigit(text.charAt(end));
            if (!before && !after) return true;
        }
        return false;
    }

    @Override
    public List<Migration> afterIdentities() {
        return afterIdentities.get();
    }

    @Override
    public List<Migration> deployedNames() {
        return deployedNames.get();
    }

    @Override
    public PhysicalSchema replay(PhysicalSchema schema, Migration migration, Side... sides) {
        return Replay.apply(new ReplayState(schema, List.of(), 0, 0, 0, null), migration, sides).schema();
    }

    /**
     * Every entity the readers find on {@code side}, one schema per reader that finds any; files that do not parse
     * are left out (what they map is unknown, not absent).
     */
    static List<PhysicalSchema> entities(Snapshot side, List<EntityReader> readers, Predicate<String> inScope,
                                         Dialect dialect, Predicate<String> text) {
        List<PhysicalSchema> schemas = new ArrayList<>();
        for (EntityReader reader : readers) {
            Set<String> paths = new LinkedHashSet<>();
            for (String p : side.paths()) {
                if (!reader.accepts(p) || !inScope.test(p) || side.tooLarge(p).isPresent()) continue;
                if (side.readableText(p).filter(t -> reader.recognizes(p, t) && text.test(t)).isPresent()) paths.add(p);
            }
            if (paths.isEmpty()) continue;
            ReadResult<Table> tables = reader.tables(side, paths, dialect);
            Set<String> unparsed = new HashSet<>();
            tables.problems().forEach(p -> unparsed.add(p.location().path()));
            List<Table> reliable = new ArrayList<>();
            for (Table t : tables.items()) {
                if (t.location() == null || !unparsed.contains(t.location().path())) reliable.add(t);
            }
            schemas.add(PhysicalSchema.of(dialect, reliable, List.of(), List.of()));
        }
        return schemas;
    }
}
