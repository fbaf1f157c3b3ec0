package dev.migrationguard.typeorm;

import dev.migrationguard.stack.EntityReader;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TsNode.ClassDecl;
import dev.migrationguard.typescript.TsNode.Decorator;
import dev.migrationguard.typescript.TypeScript;

import dev.migrationguard.model.schema.CheckConstraint;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Reads TypeORM entities ({@code @Entity}, {@code @ViewEntity}, {@code @ChildEntity} imported from {@code typeorm})
 * into the tables TypeORM creates for them ({@link TypeOrmTables}).
 */
public final class TypeOrmEntityReader implements EntityReader {
    /** The modules TypeORM's decorators are imported from. */
    private static final Set<String> TYPEORM = Set.of("typeorm", "typeorm/index", "typeorm/index.js",
            "typeorm/browser", "typeorm/browser/index.js");
    private static final Pattern EXPORTED_ENUM = Pattern.compile(
            "(?m)^\\s*export\\s+(?:declare\\s+)?(?:const\\s+)?enum\\s+([A-Za-z_$][\\w$]*)");
    private final TsSources sources;
    private final TypeOrmNaming naming;
    private final Map<Snapshot, CodeNaming> fromCode = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param naming the configured strategy; null for the one the project's data sources set in code */
    public TypeOrmEntityReader(TsSources sources, TypeOrmNaming naming) {
        this.sources = sources;
        this.naming = naming;
    }

    /** The strategies a snapshot's data sources set, by project, with the project folders to place a file in. */
    private record CodeNaming(Set<String> packages, Map<String, TypeOrmNaming> byProject) {
    }

    private TypeOrmNaming naming(Snapshot side, String path) {
        if (naming != null) return naming;
        CodeNaming code = fromCode.computeIfAbsent(side, s -> new CodeNaming(DataSources.packageFolders(s),
                DataSourceNaming.byProject(s, sources)));
        if (code.byProject().isEmpty()) return TypeOrmNaming.DEFAULT;
        return code.byProject().getOrDefault(DataSources.project(code.packages(), path), TypeOrmNaming.DEFAULT);
    }

    @Override
    public boolean accepts(String path) {
        return path.endsWith(".ts") && !path.endsWith(".d.ts");
    }

    /** Every entity imports from 'typeorm', at the top: a file too large to read shows it in its first bytes. */
    @Override
    public boolean recognizes(String path, String head) {
        return head.contains("typeorm");
    }

    /**
     * The tables TypeORM makes of the entities in {@code paths} ({@link TypeOrmTables}); two classes of the given files
     * that share a table (a single-table parent and its children) give it once, with the columns of both.
     */
    @Override
    public ReadResult<Table> tables(Snapshot side, Set<String> paths, Dialect dialect) {
        TsScope scope = new TsScope(sources, side);
        Map<TypeOrmNaming, TypeOrmTables> builders = new EnumMap<>(TypeOrmNaming.class);
        Map<String, Table> tables = new LinkedHashMap<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (String path : paths) {
            Optional<String> text = side.readText(path);
            if (text.isEmpty() || !text.get().contains("typeorm")) continue;
            TypeScript.Parsed parsed = sources.parse(side, path).orElseThrow();
            if (parsed.error() != null) {
                problems.add(TsSources.problem(path, parsed.error()));
                continue;
            }
            try {
                TypeOrmTables builder = builders.computeIfAbsent(naming(side, path),
                        n -> new TypeOrmTables(scope, n, dialect));
                for (Table t : builder.tables(parsed.module(), path)) {
                    tables.merge(Identifiers.qualifiedKey(dialect, t.schema(), t.name()), t, (a, b) -> merged(dialect, a, b));
                }
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(new ParseProblem(Location.file(path), "Could not read this TypeORM entity: " + e));
            }
        }
        return new ReadResult<>(new ArrayList<>(tables.values()), problems);
    }

    /** One table from two classes mapped to it: the columns and constraints of both, the first's where both have one. */
    private static Table merged(Dialect dialect, Table first, Table second) {
        Table t = first;
        for (Column c : second.columns()) if (t.column(dialect, c.name()) == null) t = t.withColumn(dialect, c);
        if (t.primaryKey() == null && second.primaryKey() != null) t = t.withPrimaryKey(second.primaryKey());
        for (ForeignKey f : second.foreignKeys()) if (!t.foreignKeys().contains(f)) t = t.withForeignKey(f);
        for (Index i : second.indexes()) if (!t.indexes().contains(i)) t = t.withIndex(i);
        for (UniqueConstraint u : second.uniques()) if (!t.uniques().contains(u)) t = t.withUnique(u);
        for (CheckConstraint c : second.checks()) if (!t.checks().contains(c)) t = t.withCheck(c);
        return t;
    }

    @Override
    public Set<String> dependents(Snapshot side, Set<String> paths) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> parents = new LinkedHashSet<>();
        Set<String> stems = new LinkedHashSet<>();
        for (String path : paths) {
            if (!accepts(path)) continue;
            String file = Text.fileName(path);
            stems.add(file.substring(0, file.length() - 3));
            // Only a class with TypeORM decorators can change another entity's tables (a base class, an embedded one),
            // or an enum, whose values are a column's allowed values and defaults: any other TypeScript file of the
            // change (an Angular service) is never handed to the native parser.
            Optional<String> changed = side.readText(path);
            if (changed.isEmpty()) continue;
            if (!changed.get().contains("typeorm")) {
                Matcher m = EXPORTED_ENUM.matcher(changed.get());
                while (m.find()) names.add(m.group(1));
                continue;
            }
            sources.parse(side, path).filter(p -> p.module() != null).ifPresent(p -> {
                for (ClassDecl c : p.module().classes()) {
                    if (c.name() != null) names.add(c.name());
                    parentOfChild(side, path, p.module(), c).ifPresent(parents::add);
                }
            });
        }
        // A single-table child's columns live in its parent's table: with the parent read too, a child added or
        // deleted alone changes that table's columns instead of making or dropping a table of the parent's name.
        Set<String> out = new LinkedHashSet<>();
        for (String parent : parents) if (!paths.contains(parent)) out.add(parent);
        if (names.isEmpty()) return out;
        for (String p : side.paths()) {
            if (paths.contains(p) || !accepts(p)) continue;
            Optional<String> text = side.readableText(p);
            if (text.isEmpty() || !text.get().contains("typeorm")) continue;
            String t = text.get();
            if (stems.stream().noneMatch(t::contains) || names.stream().noneMatch(t::contains)) continue;
            out.add(p);
        }
        return out;
    }

    /** The file of the parent a {@code @ChildEntity} class extends, when it is imported from another file. */
    private Optional<String> parentOfChild(Snapshot side, String path, TsNode.Module module, ClassDecl c) {
        boolean child = c.decorators().stream().anyMatch(d -> typeormName(module, d).map("ChildEntity"::equals)
                .orElse(false));
        if (!child || !(c.superClass() instanceof TsNode.Ident parent)) return Optional.empty();
        return module.importOf(parent.name()).flatMap(i -> sources.resolveImport(side, path, i.source()));
    }

    /**
     * The TypeORM name of a decorator when it is imported from 'typeorm' (directly, renamed, or via a namespace), or
     * from the entry points an editor's auto-import also writes ('typeorm/index', 'typeorm/browser').
     */
    static Optional<String> typeormName(TsNode.Module module, Decorator d) {
        if (d.qualifier() != null) {
            return module.importOf(d.qualifier()).filter(i -> TYPEORM.contains(i.source()) && i.name().equals("*"))
                    .map(i -> d.name());
        }
        return module.importOf(d.name()).filter(i -> TYPEORM.contains(i.source())).map(TsNode.ImportedName::name);
    }

    /** The last object-literal argument: a decorator's options. */
    static TsNode.Obj optionsOf(List<TsNode> args) {
        for (int i = args.size() - 1; i >= 0; i--) if (args.get(i) instanceof TsNode.Obj o) return o;
        return null;
    }
}
