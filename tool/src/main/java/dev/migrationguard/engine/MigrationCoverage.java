package dev.migrationguard.engine;

import dev.migrationguard.analysis.Coverage;
import dev.migrationguard.analysis.Coverage.Drift;
import dev.migrationguard.analysis.Once;
import dev.migrationguard.builds.ModuleGraph;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.UniqueConstraint;
import dev.migrationguard.replay.SetReplayer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Judges entity changes column by column against the migrations: what a new migration's operations do to the changed
 * column, and whether the schema the runners' migrations build already has what the entity now maps. Reads nothing
 * itself; the replay runs only when a rule asks about a change no new migration covers, so a commit that brings its
 * migration pays nothing for it.
 */
final class MigrationCoverage implements Coverage {
    /**
     * Stacks whose operations keep the SQL's own type spelling, read as PostgreSQL spells it when the file alone does
     * not say its database: their types are read again for the database the migration runs on. The other stacks
     * translate their own type names per database (Liquibase's {@code BOOLEAN}, TypeORM's {@code uuid}), which only
     * their reader can do.
     */
    private static final Set<String> SQL_STACKS = Set.of("flyway", "sql-folder");
    /** How the diff begins the message of a unique set added ({@code unique ("a", "b") on "t" added}). */
    private static final String UNIQUE_ADDED = "unique (";
    private static final Map<String, Integer> INTEGER_BYTES = Map.of("tinyint", 1, "smallint", 2, "mediumint", 3,
            "integer", 4, "int", 4, "bigint", 8);


    private final Map<SchemaChange, Sides> sides;
    private final Supplier<List<MigrationSet>> sets;
    private final SetReplayer replayer;
    private final Snapshot after;
    private final Consumer<String> debug;
    private final Supplier<Dialect> runDialect;
    private final boolean readsSets;
    private final List<ParseProblem> problems;
    /** Read only when an entity's path lies in no set's project: most runs never ask. */
    private final Supplier<ModuleGraph> modules;
    /** The sets an entity module's application gives it, by module and dialect: every table of a module asks. */
    private final Map<String, Optional<List<MigrationSet>>> applicationSets = new HashMap<>();
    private final Map<MigrationSet, PhysicalSchema> replayed = new HashMap<>();
    /*
     * Lint asks about each mapped table of the project, thousands of times over the same few sets and replays; a set's
     * hash walks every operation of every migration in it, and a table not found by its stored name was looked for
     * among every replayed table. So the same instances are answered by identity: what they answer is the same.
     */
    private final Map<MigrationSet, PhysicalSchema> replayedSets = new IdentityHashMap<>();
    private final Map<MigrationSet, Set<String>> setFolders = new IdentityHashMap<>();
    private final Map<MigrationSet, Set<String>> setModules = new IdentityHashMap<>();
    private final Map<PhysicalSchema, Map<String, List<Table>>> looseTables = new IdentityHashMap<>();
    /** How often what those caches spare was done: a set hashed, a set's folders listed, a schema indexed (tests). */
    int setsHashed;
    int foldersListed;
    int schemasIndexed;
    private final List<Sides> mapped;
    private List<Drift> drift;

    /** The entities' schemas a change was found between, on the dialect they were mapped for. */
    record Sides(Dialect dialect, PhysicalSchema before, PhysicalSchema after) {
    }

    /**
     * @param sides      for each entity change, the schemas it was found between
     * @param mapped     in lint, the entities' tables of each reader ({@link Sides#after()}), whose drift from the
     *                   migrations {@link #drift} reports
     * @param sets       the migration sets of the side the change produces, read on first ask
     * @param replayer   replays a set (with its cache); null when no replay may run
     * @param runDialect the run's database, for migrations whose set names none
     * @param readsSets  whether the database of a new migration whose runner facts do not say it may be looked up in
     *                   the sets (which reads every migration: not on the pre-commit path)
     * @param problems   the files of the run that could not be read, as the run finds them (read on first ask): a
     *                   migration among them may build what the replay lacks
     */
    MigrationCoverage(Map<SchemaChange, Sides> sides, List<Sides> mapped, Supplier<List<MigrationSet>> sets,
                      SetReplayer replayer, Snapshot after, Consumer<String> debug, Supplier<Dialect> runDialect,
                      boolean readsSets, List<ParseProblem> problems) {
        this.problems = problems;
        this.runDialect = runDialect;
        this.readsSets = readsSets;
        this.mapped = List.copyOf(mapped);
        this.sides = Map.copyOf(sides);
        this.sets = sets;
        this.replayer = replayer;
        this.after = after;
        this.debug = debug;
        this.modules = Once.of(() -> ModuleGraph.read(after));
    }

    @Override
    public Optional<String> shortfall(SchemaChange change, Migration migration) {
        Sides s = sides.get(change);
        if (s == null || change.target() != SchemaChange.Target.COLUMN || change.column() == null
                || change.kind() == SchemaChange.Kind.RENAMED) {
            return Optional.empty();
        }
        List<Operation> onTable = new ArrayList<>();
        for (Operation op : migration.operations()) {
            if (op.origin().side() != Side.UP) continue;
            if (op instanceof Operation.Opaque o) {
                if (!canChangeStructure(o)) continue;
                if (o.mentions().isEmpty() || o.mentions().stream().anyMatch(q -> sameTable(q, change))) {
                    return Optional.empty();
                }
                continue;
            }
            QualifiedName table = table(op);
            if (table != null && sameTable(table, change)) onTable.add(op);
        }
        if (onTable.isEmpty()) return Optional.empty();
        List<Operation> onColumn = new ArrayList<>();
        for (Operation op : onTable) {
            if (op instanceof Operation.CreateTable || op instanceof Operation.DropTable
                    || op instanceof Operation.RebuildTable || op instanceof Operation.RenameTable
                    || op instanceof Operation.DropConstraint || op instanceof Operation.DropIndex) {
                // The whole table is made again, or a constraint whose columns the operation does not name: it may
                // well be the change.
                return Optional.empty();
            }
            if (namesColumn(op, change.column())) onColumn.add(op);
        }
        String table = Identifiers.display(s.dialect(), change.schema(), change.table());
        if (onColumn.isEmpty()) {
            return Optional.of("the new migration " + migration.path() + " touches table " + table
                    + " but not column \"" + change.column() + "\"");
        }
        return otherwise(change, s, migration, onColumn);
    }

    /**
     * Where the migration makes the changed column otherwise than the entity now maps it: a type the entity's values may
     * not fit, NOT NULL where the entity may write NULL, or NULL with no default where the entity maps NOT NULL. Read
     * in the database the migration runs on, and only when that is the one the entities were typed for; only the facts
     * the entity change is about, and that both sides know, are compared.
     */
    private Optional<String> otherwise(SchemaChange change, Sides s, Migration migration, List<Operation> onColumn) {
        Dialect d = s.dialect();
        Table now = s.after().table(change.schema(), change.table());
        Column mapped = now == null ? null : column(d, now, change.column());
        if (mapped == null) return Optional.empty();
        Table was = s.before().table(change.schema(), change.table());
        Column old = was == null ? null : column(d, was, change.column());
        Database runsOn = database(migration);
        if (runsOn.dialect() != d) {
            debug.accept(change.message() + ": what " + migration.path() + " makes of the column is not compared, it "
                    + "runs on " + runsOn.dialect().id() + " and the entities are typed for " + d.id());
            return Optional.empty();
        }
        Made made = Made.of(onColumn, runsOn);
        boolean typeAsked = old == null || !Objects.equals(old.type(), mapped.type());
        boolean nullAsked = old == null || !Objects.equals(old.nullable(), mapped.nullable());
        boolean typeDiffers = typeAsked && made.type() != null && mapped.type() != null && !made.generated()
                && !fits(mapped.type(), made.type());
        boolean nullDiffers = nullAsked && made.nullable() != null && mapped.nullable() != null
                && !made.nullable().equals(mapped.nullable()) && (!made.nullable() || !made.hasDefault());
        if (!typeDiffers && !nullDiffers) return Optional.empty();
        String column = Identifiers.display(d, change.schema(), change.table()) + ".\"" + change.column() + "\"";
        return Optional.of("the new migration " + migration.path() + (made.adds() ? " adds" : " makes") + " column "
                + column + " as " + facts(made.type(), made.nullable()) + ", the entity maps "
                + facts(mapped.type(), mapped.nullable()));
    }

    private static String facts(SqlType type, Boolean nullable) {
        String t = type == null ? "" : type.display();
        String n = nullable == null ? "" : nullability(nullable);
        return t.isEmpty() || n.isEmpty() ? t + n : t + " " + n;
    }

    /**
     * Whether every value of the entity's type fits the migration's column. Types are compared by family, as a
     * reviewer would: another family (characters for a number, a date for a timestamp) fails on data, and so does a
     * narrower member of the family (fewer characters, a smaller integer, fewer digits). A wider column, another spelling
     * of one family (MySQL's {@code tinyint(1)} for a boolean, {@code timestamptz} for {@code timestamp}), a precision of
     * seconds or a type of no known family (a domain, an enum type, JSON) is drift no reviewer calls a missing migration.
     */
    private static boolean fits(SqlType mapped, SqlType made) {
        if (made.equals(mapped)) return true;
        Family a = Family.of(mapped);
        Family b = Family.of(made);
        if (a == null || b == null) return true;
        if (made.array() != mapped.array()) return false;
        if (a != b) {
            // databases without a boolean type store it as a small integer
            return a == Family.BOOLEAN && b == Family.EXACT || a == Family.EXACT && b == Family.BOOLEAN;
        }
        return switch (a) {
            case CHARACTER -> {
                Integer want = characters(mapped);
                Integer has = characters(made);
                yield has == null || want != null && has >= want;
            }
            case EXACT -> {
                Integer want = INTEGER_BYTES.get(bare(mapped));
                Integer has = INTEGER_BYTES.get(bare(made));
                if (want != null || has != null) yield want == null || has == null || has >= want;
                yield atLeast(made.precision(), mapped.precision()) && atLeast(made.scale(), mapped.scale());
            }
            default -> true;
        };
    }

    /** The most characters a column holds; null when unbounded. */
    private static Integer characters(SqlType t) {
        if (bare(t).equals("tinytext")) return 255;
        if (t.length() == null || t.length() == Integer.MAX_VALUE) return null;
        return t.length();
    }

    private static boolean atLeast(Integer has, Integer want) {
        return has == null || want == null || has >= want;
    }

    private static String bare(SqlType t) {
        return t.name().endsWith(" unsigned") ? t.name().substring(0, t.name().length() - " unsigned".length())
                : t.name();
    }

    /** The families of the databases' own types; a type of none is not compared. */
    private enum Family {
        CHARACTER, EXACT, APPROXIMATE, BOOLEAN, DATE, TIME, TIMESTAMP, UUID, BINARY;

        static Family of(SqlType t) {
            String name = bare(t);
            if (name.startsWith("timestamp") || name.startsWith("datetime")) return TIMESTAMP;
            if (name.startsWith("time")) return TIME;
            return switch (name) {
                case "varchar", "char", "nvarchar", "nchar", "varchar2", "nvarchar2", "text", "tinytext", "mediumtext",
                     "longtext", "clob", "nclob", "ntext" -> CHARACTER;
                case "tinyint", "smallint", "mediumint", "integer", "int", "bigint", "numeric", "decimal", "number" ->
                        EXACT;
                case "real", "float", "double", "double precision" -> APPROXIMATE;
                case "boolean" -> BOOLEAN;
                case "bit" -> t.length() == null || t.length() == 1 ? BOOLEAN : null;
                case "date" -> DATE;
                case "uuid", "uniqueidentifier" -> UUID;
                case "bytea", "blob", "tinyblob", "mediumblob", "longblob", "binary", "varbinary", "raw" -> BINARY;
                default -> null;
            };
        }
    }

    /**
     * The database a migration runs on: its runner's say, else its set's, else the run's.
     *
     * @param dialect  that database
     * @param said     whether the migration's runner or set names it, so its reader read the types for it
     * @param sqlText  whether its operations' type texts are SQL, to be read again for that database
     */
    private record Database(Dialect dialect, boolean said, boolean sqlText) {
        /** The type as the database gets it; null when this side cannot tell. */
        SqlType type(SqlType read, String text) {
            if (sqlText) return text == null ? null : SqlType.parse(dialect, text);
            // other readers read the types for the set's database, else for the default one
            return said || dialect == Dialect.DEFAULT ? read : null;
        }
    }

    private Database database(Migration m) {
        boolean sql = SQL_STACKS.contains(m.stack());
        if (m.runner().dialect() != null) return new Database(m.runner().dialect(), true, sql);
        if (readsSets) {
            for (MigrationSet set : sets.get()) {
                if (set.dialect() == null) continue;
                for (Migration x : set.migrations()) {
                    if (x.path().equals(m.path()) && x.id().equals(m.id())) return new Database(set.dialect(), true, sql);
                }
            }
        }
        return new Database(runDialect.get(), false, sql);
    }

    /**
     * What one migration's operations, in order, leave of a column: null for what they do not say.
     *
     * @param adds whether the migration adds (or defines) the column rather than altering it
     */
    private record Made(SqlType type, Boolean nullable, boolean hasDefault, boolean generated, boolean adds) {
        static Made of(List<Operation> ops, Database db) {
            SqlType type = null;
            Boolean nullable = null;
            boolean hasDefault = false;
            boolean generated = false;
            boolean adds = false;
            for (Operation op : ops) {
                ColumnDef def = op instanceof Operation.AddColumn a ? a.column()
                        : op instanceof Operation.RedefineColumn r ? r.definition() : null;
                if (def != null) {
                    type = db.type(def.type(), def.typeText());
                    generated = def.generated() != null;
                    nullable = !(def.notNull() || def.primaryKey() || generated && def.generated().kind()
                            != ColumnDef.Generated.Kind.STORED && def.generated().kind() != ColumnDef.Generated.Kind.VIRTUAL);
                    hasDefault = def.defaultValue() != null;
                    adds = op instanceof Operation.AddColumn;
                } else if (op instanceof Operation.AlterColumnType t) {
                    type = db.type(t.type(), t.typeText());
                } else if (op instanceof Operation.AlterColumnNullability n) {
                    nullable = n.nullable();
                } else if (op instanceof Operation.AlterColumnDefault a) {
                    hasDefault = a.defaultValue() != null;
                } else if (op instanceof Operation.AddConstraint c && c.constraint() instanceof Constraint.PrimaryKey) {
                    nullable = false;
                } else if (op instanceof Operation.RenameColumn || op instanceof Operation.DropColumn) {
                    // the column comes from, or goes to, another one whose facts this migration does not say
                    type = null;
                    nullable = null;
                    generated = false;
                }
            }
            return new Made(type, nullable, hasDefault, generated, adds);
        }
    }

    @Override
    public boolean alreadyBuilt(SchemaChange change) {
        Sides s = sides.get(change);
        if (s == null || replayer == null || change.location() == null) return false;
        List<MigrationSet> own = ownSets(change.location().path(), s.dialect());
        if (own.isEmpty()) return false;
        for (MigrationSet set : own) {
            if (!builds(replay(set, s.dialect()), s, change)) {
                debug.accept(change.message() + ": not already built by migration set " + set.name() + " ("
                        + replayedFacts(replay(set, s.dialect()), s.dialect(), change) + ")");
                return false;
            }
        }
        debug.accept(change.message() + ": not reported, the migrations already build it ("
                + own.stream().map(MigrationSet::name).reduce((a, b) -> a + ", " + b).orElse("") + ")");
        return true;
    }

    @Override
    public synchronized List<Drift> drift() {
        if (drift == null) drift = readDrift();
        return drift;
    }

    private List<Drift> readDrift() {
        List<Drift> found = new ArrayList<>();
        if (replayer == null) return found;
        for (Sides s : mapped) {
            Dialect d = s.dialect();
            for (Table t : s.after().tableList()) {
                if (t.view() || t.location() == null || !t.complete()) continue;
                List<MigrationSet> own = ownSets(t.location().path(), d);
                if (own.isEmpty()) {
                    debug.accept("table " + t.name() + ": not compared, no migration set for " + d.id()
                            + " belongs to the project of " + t.location().path());
                }
                for (MigrationSet set : own) {
                    String in = own.size() > 1 ? " (migration set " + set.name() + ")" : "";
                    Optional<String> unread = unread(set);
                    if (unread.isPresent()) {
                        debug.accept("table " + t.name() + ": not compared with migration set " + set.name() + ", "
                                + unread.get() + " beside its migrations could not be read");
                        continue;
                    }
                    drift(replay(set, d), t, d, set, in, found);
                }
            }
        }
        return found;
    }

    /**
     * A file beside the set's migrations that could not be read (too large, not parseable): it may be a migration
     * that builds what the replay then lacks, so the set cannot tell.
     */
    private Optional<String> unread(MigrationSet set) {
        Set<String> folders = setFolders.computeIfAbsent(set, x -> {
            foldersListed++;
            Set<String> out = new HashSet<>();
            for (Migration m : x.migrations()) out.add(folder(m.path()));
            return out;
        });
        for (ParseProblem p : List.copyOf(problems)) {
            if (p.location() != null && folders.contains(folder(p.location().path()))) {
                return Optional.of(p.location().path());
            }
        }
        return Optional.empty();
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * The drift of one entity table from what {@code set} builds. Only what the replay is certain of counts: a column
     * defined by a statement read after every statement not read that may have changed it. Absence counts only where no
     * such statement may have made what is absent. What is left uncompared, and why, goes to --debug.
     */
    private void drift(PhysicalSchema built, Table t, Dialect d, MigrationSet set, String in, List<Drift> found) {
        String table = Identifiers.display(d, t.schema(), t.name());
        Table r = table(built, t.schema(), t.name());
        if (r == null) {
            if (built.complete()) {
                found.add(new Drift(Drift.Kind.MISSING, t.location(), "table " + table
                        + " is mapped by an entity, but no migration creates it" + in));
            } else {
                debug.accept("table " + table + ", migration set " + set.name() + ": made by no migration read, not "
                        + "reported: a statement not read may have made it");
            }
            return;
        }
        List<String> touched = new ArrayList<>();
        List<String> anywhere = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Column c : t.columns()) {
            Location at = c.location() != null ? c.location() : t.location();
            String column = "column " + table + ".\"" + c.name() + "\"";
            Column rc = column(d, r, c.name());
            if (rc == null) {
                if (r.certainOfAll()) {
                    found.add(new Drift(Drift.Kind.MISSING, at, column + " is mapped by an entity, but no migration "
                            + "creates it" + in));
                } else {
                    absent.add(c.name());
                }
                continue;
            }
            if (!r.certain(d, rc.name())) {
                (r.knows(d, rc.name()) ? anywhere : touched).add(c.name());
                continue;
            }
            // As for a new migration: only a type the entity's values may not fit. A length the entity does not
            // state (JPA's 255 for a String) is no claim, so a column the migrations make shorter is what the team chose.
            SqlType mappedType = c.type() != null && rc.type() != null && rc.type().length() != null
                    && c.leeway().contains(Column.Leeway.DEFAULT_LENGTH) ? c.type().withLength(rc.type().length())
                    : c.type();
            if (mappedType != null && rc.type() != null && !fits(mappedType, rc.type())) {
                found.add(new Drift(Drift.Kind.DIFFERENT, at, column + " is " + c.type().display()
                        + " in the entity but " + rc.type().display() + " as the migrations build it" + in));
            }
            // Only NULL the entity may write into a NOT NULL column fails; a nullable column takes every value an
            // entity that never writes NULL gives it, as a wider column does.
            if (Boolean.TRUE.equals(c.nullable()) && Boolean.FALSE.equals(rc.nullable())
                    && !c.leeway().contains(Column.Leeway.NEVER_NULL)) {
                found.add(new Drift(Drift.Kind.DIFFERENT, at, column + " is NULL in the entity but NOT NULL as the "
                        + "migrations build it" + in));
            }
        }
        String of = "table " + table + ", migration set " + set.name() + ": ";
        if (!touched.isEmpty()) {
            debug.accept(of + "columns " + touched + " not compared: the table is incomplete (a statement not read "
                    + "names it, or one acted on what the replay lacks) since the migrations defined them");
        }
        if (!anywhere.isEmpty()) {
            debug.accept(of + "columns " + anywhere + " not compared: a statement not read that may have acted on any "
                    + "table (it names none, or one the replay lacked) may have defined them otherwise");
        }
        if (!absent.isEmpty()) {
            debug.accept(of + "columns " + absent + " made by no migration read, not reported: "
                    + (r.complete() ? "a statement not read that may have acted on any table" : "the table is "
                    + "incomplete: what touched it") + " may have made them");
        }
        for (Column rc : r.columns()) {
            // a column a statement not read may have dropped since is not known to be there
            if (column(d, t, rc.name()) != null || !r.certain(d, rc.name())) continue;
            found.add(new Drift(Drift.Kind.UNMAPPED, t.location(), "column " + table + ".\"" + rc.name()
                    + "\" is made by the migrations" + (rc.location() != null ? " (" + place(rc.location()) + ")" : "")
                    + " but mapped by no field of the entity" + in));
        }
    }

    private static String nullability(boolean nullable) {
        return nullable ? "NULL" : "NOT NULL";
    }

    private static String place(Location at) {
        return at.isWholeFile() ? at.path() : at.path() + ":" + at.line();
    }

    /**
     * The sets of the change's project: those whose project folder is the longest prefix of its path, written for its
     * dialect. When none holds it (entities in one Maven or Gradle module, migrations in another), the sets of the
     * application the entity's module is part of ({@link #applicationSets}); when the build files relate it to none,
     * the sets nearest to it: those whose project folder shares the most leading folders (at least one) with its path.
     */
    private List<MigrationSet> ownSets(String path, Dialect dialect) {
        List<MigrationSet> own = new ArrayList<>();
        int longest = -1;
        boolean owned = false;
        for (MigrationSet set : sets.get()) {
            if (set.dialect() != null && set.dialect() != dialect) continue;
            boolean owns = set.owns(path);
            if (owned && !owns) continue;
            int shared = owns ? 1_000 + set.project().length() : sharedFolders(set.project(), path);
            // a set that shares no folder with the path belongs to another project
            if (shared == 0) continue;
            if (owns && !owned) {
                own.clear();
                longest = -1;
                owned = true;
            }
            if (shared > longest) {
                own.clear();
                longest = shared;
            }
            if (shared == longest) own.add(set);
        }
        if (!owned) {
            Optional<List<MigrationSet>> application = applicationSets(path, dialect);
            if (application.isPresent()) own = new ArrayList<>(application.get());
        }
        // A project with a set written for this database (a Flyway {vendor} folder, a TypeORM data source's type) runs
        // that one; its sets that name no database are another vendor's the tool cannot name (DB2, a misspelt folder).
        if (own.stream().anyMatch(x -> x.dialect() == dialect)) own.removeIf(x -> x.dialect() == null);
        return own;
    }

    /**
     * The sets of the modules that form one application with the module holding {@code path}, as the build files say
     * (one uses the other, or a third uses both); empty when they relate it to no set's module. When those sets lie in
     * several modules, the one that uses all the others is the application, which runs its own sets (the others are
     * libraries' migrations its configuration may or may not take in); when none uses all the others, the module is
     * part of several applications whose migrations may not all map it, and no set is its own: nothing is compared
     * rather than a table reported missing from an application that never maps it.
     */
    private synchronized Optional<List<MigrationSet>> applicationSets(String path, Dialect dialect) {
        ModuleGraph graph = modules.get();
        Optional<String> module = graph.moduleOf(path);
        if (module.isEmpty()) return Optional.empty();
        String key = module.get() + "|" + dialect.id();
        Optional<List<MigrationSet>> known = applicationSets.get(key);
        if (known != null) return known;
        Map<String, List<MigrationSet>> byModule = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (MigrationSet set : sets.get()) {
            if (set.dialect() != null && set.dialect() != dialect) continue;
            Optional<String> relation = graph.application(module.get(), set.project());
            if (relation.isEmpty() && runsMigrationsOf(graph, set, module.get())) {
                relation = Optional.of(set.project() + "'s set runs migrations of " + module.get());
            }
            if (relation.isEmpty()) continue;
            byModule.computeIfAbsent(set.project(), k -> new ArrayList<>()).add(set);
            why.putIfAbsent(set.project(), relation.get());
        }
        if (byModule.isEmpty()) {
            applicationSets.put(key, Optional.empty());
            return Optional.empty();
        }
        List<String> tops = byModule.keySet().stream().filter(m -> byModule.keySet().stream()
                .allMatch(o -> o.equals(m) || graph.uses(m, o))).toList();
        String of = "module " + module.get() + " (" + dialect.id() + "): ";
        List<MigrationSet> chosen;
        if (tops.size() == 1) {
            String top = tops.get(0);
            chosen = byModule.get(top);
            debug.accept(of + "judged against the migration sets of " + top + " (" + why.get(top) + ")"
                    + (byModule.size() > 1 ? "; those of " + String.join(", ", others(byModule.keySet(), top))
                    + " left aside, " + top + " uses them and runs its own" : ""));
        } else {
            chosen = List.of();
            debug.accept(of + "not compared: it is part of several applications with migrations of their own ("
                    + String.join("; ", why.values()) + "), and none of them uses all the others");
        }
        // an empty choice is an answer too: the shared-folders guess must not stand in for it
        applicationSets.put(key, Optional.of(chosen));
        return Optional.of(chosen);
    }

    /**
     * Whether a migration of the set lies in the module itself: a module that holds both its entities and the scripts
     * another module's settings run (a test application's locations reaching the library's {@code db/migration}).
     */
    private boolean runsMigrationsOf(ModuleGraph graph, MigrationSet set, String module) {
        Set<String> folders = setModules.computeIfAbsent(set, x -> {
            Set<String> out = new HashSet<>();
            for (Migration m : x.migrations()) graph.moduleOf(m.path()).ifPresent(out::add);
            return out;
        });
        return folders.contains(module);
    }

    private static List<String> others(Collection<String> all, String but) {
        return all.stream().filter(m -> !m.equals(but)).toList();
    }

    private static int sharedFolders(String project, String path) {
        String[] a = project.isEmpty() ? new String[0] : project.split("/");
        String[] b = path.split("/");
        int n = 0;
        while (n < a.length && n < b.length - 1 && a[n].equals(b[n])) n++;
        return n;
    }

    private PhysicalSchema replay(MigrationSet set, Dialect dialect) {
        PhysicalSchema known = replayedSets.get(set);
        if (known == null) {
            known = replayedByValue(set, dialect);
            replayedSets.put(set, known);
        }
        return known;
    }

    /** The set's replay, looked up by its value: hashing it walks every operation of every migration in it. */
    private PhysicalSchema replayedByValue(MigrationSet set, Dialect dialect) {
        setsHashed++;
        return replayed.computeIfAbsent(set, x -> replayer.replay(x, dialect, after).state().schema());
    }

    /**
     * Whether {@code built} already has the change's outcome. Only facts both sides know count: a column whose type or
     * nullability the replay could not read, or a table an unread statement touched, is never "already built".
     */
    private boolean builds(PhysicalSchema built, Sides s, SchemaChange change) {
        Dialect d = s.dialect();
        Table mapped = s.after().table(change.schema(), change.table());
        Table replayed = table(built, change.schema(), change.table());
        switch (change.target()) {
            case TABLE -> {
                // A statement that could not be read, naming no table, may have dropped or made any.
                if (change.kind() == SchemaChange.Kind.REMOVED) return replayed == null && built.complete();
                if (change.kind() != SchemaChange.Kind.ADDED || mapped == null || replayed == null
                        || !replayed.complete()) {
                    return false;
                }
                for (Column c : mapped.columns()) {
                    if (!sameFacts(d, column(d, replayed, c.name()), c)) return false;
                }
                return true;
            }
            case COLUMN -> {
                if (replayed == null || mapped == null || change.column() == null) return false;
                Column r = column(d, replayed, change.column());
                if (change.kind() == SchemaChange.Kind.REMOVED) return replayed.complete() && r == null;
                // Of a table an unread statement touched, or that was made outside the migrations read (a baseline
                // for another database), a column is known when a statement read defined it whole since.
                if (r == null || !replayed.knows(d, r.name())) return false;
                return sameFacts(d, r, changedFacts(d, r, s, change, mapped.column(d, change.column())));
            }
            case CONSTRAINT -> {
                return uniqueBuilt(replayed, mapped, change);
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Whether the columns the change makes unique together are unique together in the replay already, by a
     * constraint or a unique index of any name: the database then refuses the same rows.
     */
    private static boolean uniqueBuilt(Table replayed, Table mapped, SchemaChange change) {
        if (change.kind() != SchemaChange.Kind.ADDED || !change.message().startsWith(UNIQUE_ADDED) || mapped == null
                || replayed == null || !replayed.complete()) {
            return false;
        }
        for (UniqueConstraint u : mapped.uniqueSets()) {
            if (!Objects.equals(u.location(), change.location())) continue;
            Set<String> columns = looseSet(u.columns());
            return replayed.uniqueSets().stream().anyMatch(r -> looseSet(r.columns()).equals(columns));
        }
        return false;
    }

    private static Set<String> looseSet(List<String> columns) {
        Set<String> out = new HashSet<>();
        for (String c : columns) out.add(loose(c));
        return out;
    }

    /**
     * The replayed table the entity's table is: by its stored name, else by its name without case or underscores when
     * only one table of the schema answers to it. Liquibase changelogs often keep the entity's class name
     * ({@code HAccountOption}) while the entities are read under Spring's naming ({@code haccount_option}): a naming
     * strategy the tool does not read may map either, so the catch-up check and drift both take the one that answers.
     */
    private Table table(PhysicalSchema built, String schema, String name) {
        Table exact = built.table(schema, name);
        if (exact != null) return exact;
        Map<String, List<Table>> byLooseName = looseTables.computeIfAbsent(built, b -> {
            schemasIndexed++;
            Map<String, List<Table>> out = new HashMap<>();
            for (Table t : b.tableList()) {
                out.computeIfAbsent(loose(t.name()), k -> new ArrayList<>()).add(t);
            }
            return out;
        });
        Table found = null;
        for (Table t : byLooseName.getOrDefault(loose(name), List.of())) {
            if (!Objects.equals(t.schema(), schema)) continue;
            if (found != null) return null;
            found = t;
        }
        return found;
    }

    /**
     * The replayed column the entity's column is: by its stored name, else by its name without case or underscores
     * when only one column answers to it (the entities' naming strategy is not always known).
     */
    private static Column column(Dialect d, Table t, String name) {
        Column exact = t.column(d, name);
        if (exact != null) return exact;
        Column found = null;
        for (Column c : t.columns()) {
            if (!same(c.name(), name)) continue;
            if (found != null) return null;
            found = c;
        }
        return found;
    }

    /**
     * The entity's column with each fact the change leaves as it was (type, nullability, uniqueness, default) replaced
     * by the replay's: a catch-up is judged on what the change edits. A mismatch the change does not touch (an entity
     * NULL where the migrations made NOT NULL) is older than the change, and not its doing.
     */
    private static Column changedFacts(Dialect d, Column replayed, Sides s, SchemaChange change, Column mapped) {
        if (replayed == null || mapped == null || change.kind() != SchemaChange.Kind.CHANGED) return mapped;
        Table before = s.before().table(change.schema(), change.table());
        Column old = before == null ? null : before.column(d, change.column());
        if (old == null || old.type() == null || mapped.type() == null || old.nullable() == null) return mapped;
        Column c = mapped;
        if (old.type().equals(mapped.type()) && replayed.type() != null) c = c.withType(replayed.type());
        if (old.nullable().equals(mapped.nullable()) && replayed.nullable() != null) {
            c = c.withNullable(replayed.nullable());
        }
        if (Objects.equals(old.unique(), mapped.unique()) && replayed.unique() != null) {
            c = c.withUnique(replayed.unique());
        }
        if (Objects.equals(old.defaultValue(), mapped.defaultValue()) && replayed.defaultValue() != null) {
            c = c.withDefault(replayed.defaultValue());
        }
        return c;
    }

    /** What the replay holds of the change's table or column, for --debug when it is not already built. */
    private String replayedFacts(PhysicalSchema built, Dialect d, SchemaChange change) {
        Table t = table(built, change.schema(), change.table());
        if (t == null) return "the replay has no table " + change.table();
        if (change.target() != SchemaChange.Target.COLUMN || change.column() == null) {
            return t.complete() ? "table " + t.name() : "a statement not read touches table " + t.name();
        }
        Column c = column(d, t, change.column());
        if (c == null) {
            return t.complete() ? "the replay has no column " + change.column()
                    : "a statement not read touches table " + t.name();
        }
        if (!t.knows(d, c.name())) {
            return "column " + c.name() + " of table " + t.name() + " is not known: a statement not read touched the "
                    + "table since it was defined, or it was made outside the migrations read";
        }
        return "the migrations make " + c.name() + " " + (c.type() == null ? "of an unread type" : c.type().display())
                + (c.nullable() == null ? "" : " " + nullability(c.nullable()));
    }

    /**
     * Whether the replayed column has what the entity maps: type and nullability known to the replay and equal, and
     * every other fact (default, generation) equal where both sides know it.
     */
    private static boolean sameFacts(Dialect d, Column replayed, Column mapped) {
        if (replayed == null || mapped == null || replayed.type() == null || replayed.nullable() == null) return false;
        Table a = Table.table(null, "t", null).withColumn(d, replayed.withName(mapped.name()));
        Table b = Table.table(null, "t", null).withColumn(d, mapped);
        return PhysicalDiff.diff(only(d, a), only(d, b)).isEmpty();
    }

    private static PhysicalSchema only(Dialect d, Table t) {
        return PhysicalSchema.of(d, List.of(t), List.of(), List.of());
    }

    /** A statement that may change a table's columns, keys or indexes; comments, grants and queries cannot. */
    private static boolean canChangeStructure(Operation.Opaque o) {
        return switch (o.kind()) {
            case COMMENT, PRIVILEGE, SESSION, QUERY -> false;
            default -> true;
        };
    }

    /** The table an operation acts on; null for one on no table (a sequence, a type) or a drop by name alone. */
    private static QualifiedName table(Operation op) {
        if (op instanceof Operation.CreateTable o) return o.table();
        if (op instanceof Operation.DropTable o) return o.table();
        if (op instanceof Operation.RebuildTable o) return o.table();
        if (op instanceof Operation.AddColumn o) return o.table();
        if (op instanceof Operation.DropColumn o) return o.table();
        if (op instanceof Operation.RenameColumn o) return o.table();
        if (op instanceof Operation.AlterColumnType o) return o.table();
        if (op instanceof Operation.AlterColumnNullability o) return o.table();
        if (op instanceof Operation.AlterColumnDefault o) return o.table();
        if (op instanceof Operation.RedefineColumn o) return o.table();
        if (op instanceof Operation.CreateIndex o) return o.table();
        if (op instanceof Operation.DropIndex o) return o.table();
        if (op instanceof Operation.AddConstraint o) return o.table();
        if (op instanceof Operation.DropConstraint o) return o.table();
        if (op instanceof Operation.RenameConstraint o) return o.table();
        if (op instanceof Operation.ValidateConstraint o) return o.table();
        if (op instanceof Operation.DataChange o) return o.table();
        return null;
    }

    /** Whether the operation names the column: adds, drops, renames or alters it, or keys an index or constraint on it. */
    private static boolean namesColumn(Operation op, String column) {
        if (op instanceof Operation.AddColumn o) return same(o.column().name(), column);
        if (op instanceof Operation.DropColumn o) return same(o.column(), column);
        if (op instanceof Operation.RenameColumn o) return same(o.from(), column) || same(o.to(), column);
        if (op instanceof Operation.AlterColumnType o) return same(o.column(), column);
        if (op instanceof Operation.AlterColumnNullability o) return same(o.column(), column);
        if (op instanceof Operation.AlterColumnDefault o) return same(o.column(), column);
        if (op instanceof Operation.RedefineColumn o) {
            return same(o.column(), column) || same(o.definition().name(), column);
        }
        if (op instanceof Operation.CreateIndex o) {
            return o.keys().stream().anyMatch(k -> k.column() == null ? mentions(k.expression(), column)
                    : same(k.column(), column));
        }
        if (op instanceof Operation.AddConstraint o) return constrains(o.constraint(), column);
        // A renamed or validated constraint may be the one the change is about; its columns are not in the statement.
        return op instanceof Operation.RenameConstraint || op instanceof Operation.ValidateConstraint;
    }

    private static boolean constrains(Constraint c, String column) {
        if (c instanceof Constraint.PrimaryKey p) return p.columns().stream().anyMatch(x -> same(x, column));
        if (c instanceof Constraint.ForeignKey f) return f.columns().stream().anyMatch(x -> same(x, column));
        if (c instanceof Constraint.Unique u) {
            return u.usingIndex() != null || u.columns().stream().anyMatch(x -> same(x, column));
        }
        if (c instanceof Constraint.Check k) return mentions(k.expression(), column);
        return true;
    }

    private static boolean mentions(String expression, String column) {
        return expression != null && expression.toLowerCase(Locale.ROOT).contains(column.toLowerCase(Locale.ROOT));
    }

    /**
     * Names compare without quotes, case or underscores ({@code erasureDate} is {@code erasure_date}): the lenient
     * side, since a match only ever silences, and the entities' naming strategy is not always known.
     */
    private static boolean same(String written, String column) {
        return written != null && loose(written).equals(loose(column));
    }

    private static String loose(String name) {
        return unquote(name).replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static boolean sameTable(QualifiedName q, SchemaChange change) {
        if (q.name() == null) return false;
        String name = unquote(q.name());
        if (name.equalsIgnoreCase(unquote(change.table()))) return true;
        return Migration.normalizeTable(name).equals(Migration.normalizeTable(change.table()));
    }

    private static String unquote(String name) {
        String n = name.trim();
        if (n.length() >= 2 && (n.charAt(0) == '"' || n.charAt(0) == '`' || n.charAt(0) == '[')) {
            n = n.substring(1, n.length() - 1);
        }
        return n;
    }
}
