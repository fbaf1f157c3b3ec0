package dev.migrationguard.jpa;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.migrationguard.stack.EntityReader;
import dev.migrationguard.javasrc.JavaSources;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads JPA entities ({@code jakarta.persistence} or {@code javax.persistence}) from Java sources into the physical
 * tables Hibernate would create, named as Hibernate names them under the chosen strategy. Files that do not mention an
 * entity, embeddable or mapped superclass are never parsed.
 */
public final class JpaEntityReader implements EntityReader {
    /** Sources of the other JVM languages, which may hold an entity this reader cannot parse. */
    private static final Set<String> OTHER_JVM_SOURCES = Set.of("kt", "groovy", "scala");

    /**
     * The cheap text test for "could be an entity, embeddable or mapped superclass": the annotation, plain or
     * qualified. Only such files are parsed, so only they can be a parse-error: a test that merely uses an
     * {@code EntityManager} is none of the tool's business, whatever syntax it uses.
     */
    private static final Pattern MAPPING_ANNOTATION = Pattern.compile(
            "@\\s*(?:[\\w$]+\\s*\\.\\s*)*(?:Entity|Embeddable|MappedSuperclass)\\b");

    private final JpaNaming naming;
    /** {@code entities.validation-ddl}: Bean Validation constraints count as Hibernate's schema export counts them. */
    private final boolean validationDdl;
    private final int keptSourceChars;
    private final int readAheadFiles;
    /** Created on first use: a run that reads no entity never loads JavaParser. */
    private JavaParser parser;
    private final Map<Snapshot, SnapshotSources> snapshots = new IdentityHashMap<>();

    public JpaEntityReader(JpaNaming naming) {
        this(naming, false);
    }

    public JpaEntityReader(JpaNaming naming, boolean validationDdl) {
        this(naming, validationDdl, SnapshotSources.KEPT_SOURCE_CHARS, SnapshotSources.READ_AHEAD_FILES);
    }

    /**
     * @param keptSourceChars how much source the trees kept between files may hold ({@link SnapshotSources})
     * @param readAheadFiles  from how many files a pass over them reads ahead on a second thread
     */
    JpaEntityReader(JpaNaming naming, boolean validationDdl, int keptSourceChars, int readAheadFiles) {
        this.naming = naming;
        this.validationDdl = validationDdl;
        this.keptSourceChars = keptSourceChars;
        this.readAheadFiles = readAheadFiles;
    }

    @Override
    public boolean accepts(String path) {
        return path.endsWith(".java");
    }

    /** An entity's imports or annotations come first: a file too large to read shows them in its first bytes. */
    @Override
    public boolean recognizes(String path, String head) {
        return mentionsJpa(head);
    }

    /**
     * A source in another JVM language (Kotlin, Groovy, Scala) of the same class name that maps with JPA annotations:
     * a Java entity rewritten in a language this reader does not parse.
     */
    @Override
    public boolean mayReplace(String removed, String added, String addedText) {
        return mayReplaceByName(removed, added) && mentionsJpa(addedText);
    }

    /** A Kotlin, Groovy or Scala source of the same class name. */
    @Override
    public boolean mayReplaceByName(String removed, String added) {
        int dot = added.lastIndexOf('.');
        if (dot < 0 || !OTHER_JVM_SOURCES.contains(added.substring(dot + 1))) return false;
        return simpleName(removed).equals(simpleName(added));
    }

    private static String simpleName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    private JavaParser parser() {
        if (parser == null) parser = JavaSources.newParser();
        return parser;
    }

    @Override
    public ReadResult<Table> tables(Snapshot side, Set<String> paths, Dialect dialect) {
        return mapped(side, paths, dialect, null);
    }

    /**
     * Both sides are typed by the Hibernate of the checked commit: a change that moves {@code javax.persistence} to
     * {@code jakarta.persistence} upgrades Hibernate 5 to 6, which types some fields otherwise ({@code Instant},
     * ordinal enums, {@code BigDecimal}) while the database keeps the columns it has.
     */
    @Override
    public ReadResult<Table> tables(Snapshot side, Set<String> paths, Dialect dialect, Snapshot checked) {
        return mapped(side, paths, dialect, checked == null ? null : hibernateOf(checked, paths));
    }

    private synchronized ReadResult<Table> mapped(Snapshot side, Set<String> paths, Dialect dialect,
                                                  HibernateColumnTypes.Version version) {
        SnapshotSources sources = sources(side);
        TableMapper mapper = new TableMapper(naming, sources, new Constants(sources), dialect, validationDdl, version);
        List<ParseProblem> problems = entities(sources, paths, mapper::map);
        return new ReadResult<>(mapper.tables(), problems);
    }

    /** The Hibernate the checked commit's versions of {@code paths} import; null when none of them says. */
    private synchronized HibernateColumnTypes.Version hibernateOf(Snapshot checked, Set<String> paths) {
        SnapshotSources sources = sources(checked);
        boolean javax = false;
        for (String path : new TreeSet<>(paths)) {
            if (!accepts(path)) continue;
            var text = sources.text(path);
            if (text.isEmpty()) continue;
            if (text.get().contains("jakarta.persistence")) return HibernateColumnTypes.Version.V6;
            javax |= text.get().contains("javax.persistence");
        }
        return javax ? HibernateColumnTypes.Version.V5 : null;
    }

    /** Hands every entity class declared in {@code paths} to {@code mapper}; returns the files it could not read. */
    private List<ParseProblem> entities(SnapshotSources sources, Set<String> paths,
                                        BiConsumer<ParsedSource, ClassOrInterfaceDeclaration> mapper) {
        List<String> ordered = new ArrayList<>();
        for (String path : new TreeSet<>(paths)) if (accepts(path)) ordered.add(path);
        return sources.readingAhead(ordered, JpaEntityReader::mentionsJpa, () -> entities(sources, ordered, mapper));
    }

    private static List<ParseProblem> entities(SnapshotSources sources, List<String> ordered,
                                               BiConsumer<ParsedSource, ClassOrInterfaceDeclaration> mapper) {
        List<ParseProblem> problems = new ArrayList<>();
        for (String path : ordered) {
            // a lint asks about every Java file: only those that may map something are kept
            if (sources.jpaText(path, JpaEntityReader::mentionsJpa).isEmpty()) continue;
            try {
                ParsedSource parsed = sources.parse(path).orElseThrow();
                if (!parsed.ok()) {
                    problems.add(parsed.problem());
                    continue;
                }
                for (ClassOrInterfaceDeclaration c : parsed.unit().findAll(ClassOrInterfaceDeclaration.class)) {
                    if (parsed.imports().has(c, "Entity")) mapper.accept(parsed, c);
                }
            } catch (StackOverflowError e) {
                problems.add(JavaSources.tooDeep(path));
            } catch (RuntimeException e) {
                // A bad file must not stop the run: it becomes a parse problem like a syntax error.
                problems.add(new ParseProblem(Location.at(path, 1, 1),
                        "Could not read the JPA mapping: " + e.getClass().getSimpleName()));
            }
        }
        return problems;
    }

    @Override
    public synchronized Set<String> dependents(Snapshot side, Set<String> paths) {
        SnapshotSources sources = sources(side);
        Set<String> used = new HashSet<>();
        Set<String> constantHolders = new HashSet<>();
        Set<String> sharedTables = new TreeSet<>();
        for (String path : paths) {
            if (!accepts(path)) continue;
            var text = sources.text(path);
            if (text.isEmpty()) continue;
            boolean mapped = text.get().contains("Embeddable") || text.get().contains("MappedSuperclass");
            boolean sharesTables = mentionsJpa(text.get())
                    && (text.get().contains("extends") || text.get().contains("OneToMany"));
            boolean converter = text.get().contains("AttributeConverter");
            if (!mapped && !sharesTables && !converter && !text.get().contains("static final")) continue;
            sources.parse(path).filter(ParsedSource::ok).ifPresent(p -> {
                for (TypeDeclaration<?> t : p.unit().findAll(TypeDeclaration.class)) {
                    if (p.imports().has(t, "Entity")) {
                        // A table an entity shares (its root's; the target's of a @OneToMany @JoinColumn) is read
                        // whole, with the entity that owns it, so that either side holds all of it.
                        var entity = new SnapshotSources.TypeRef(p, t);
                        JpaClasses.entityRoot(sources, entity).ifPresent(r -> sharedTables.add(r.source().path()));
                        JpaClasses.tablesWrittenInto(sources, entity)
                                .forEach(r -> sharedTables.add(r.source().path()));
                    }
                    if (p.imports().has(t, "Embeddable") || p.imports().has(t, "MappedSuperclass")) {
                        used.add(t.getNameAsString());
                    } else if (!p.imports().has(t, "Entity") && (declaresSharedConstants(t) || isConverter(t))) {
                        constantHolders.add(t.getNameAsString());
                    }
                }
            });
        }
        sharedTables.removeAll(paths);
        Set<String> result = new TreeSet<>(sharedTables);
        if (!constantHolders.isEmpty()) result.addAll(filesReading(sources, paths, constantHolders, used));
        if (!used.isEmpty()) result.addAll(entitiesUsing(sources, paths, used));
        return result;
    }

    /**
     * A type whose non-private {@code static final} fields other files may use in mapping annotations
     * ({@code @Column(length = Limits.NAME)}). Only such a type's change can change another file's mapping.
     */
    private static boolean declaresSharedConstants(TypeDeclaration<?> type) {
        boolean isInterface = type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
        for (var field : type.getFields()) {
            boolean constant = isInterface || (field.isStatic() && field.isFinal());
            if (constant && !field.isPrivate()) return true;
        }
        return false;
    }

    /** A JPA converter: the type it stores is the column's, so an entity that names it depends on it. */
    private static boolean isConverter(TypeDeclaration<?> type) {
        return type instanceof ClassOrInterfaceDeclaration c
                && c.getImplementedTypes().stream().anyMatch(t -> t.getNameAsString().equals("AttributeConverter"));
    }

    /**
     * Entity files whose text names one of the constant holders: their mapping may read those constants. Embeddables
     * and mapped superclasses that name them go into {@code used}, for {@link #entitiesUsing} to follow.
     */
    private Set<String> filesReading(SnapshotSources sources, Set<String> paths, Set<String> holders,
                                     Set<String> used) {
        Set<String> files = new TreeSet<>();
        for (String path : sources.snapshot().paths()) {
            if (!accepts(path) || paths.contains(path)) continue;
            var text = sources.jpaText(path, JpaEntityReader::mentionsJpa);
            if (text.isEmpty() || holders.stream().noneMatch(h -> text.get().contains(h))) continue;
            sources.parse(path).filter(ParsedSource::ok).ifPresent(p -> {
                for (TypeDeclaration<?> t : p.unit().findAll(TypeDeclaration.class)) {
                    var imports = p.imports();
                    if (imports.has(t, "Entity")) files.add(path);
                    if (imports.has(t, "Embeddable") || imports.has(t, "MappedSuperclass")) used.add(t.getNameAsString());
                }
            });
        }
        return files;
    }

    private Set<String> entitiesUsing(SnapshotSources sources, Set<String> paths, Set<String> used) {
        Set<String> result = new TreeSet<>();
        List<String> candidates = new ArrayList<>();
        for (String p : sources.snapshot().paths()) {
            if (accepts(p) && !paths.contains(p)) candidates.add(p);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String path : candidates) {
                if (result.contains(path)) continue;
                var text = sources.jpaText(path, JpaEntityReader::mentionsJpa);
                if (text.isEmpty() || used.stream().noneMatch(text.get()::contains)) continue;
                var parsed = sources.parse(path).filter(ParsedSource::ok);
                if (parsed.isEmpty()) continue;
                for (ClassOrInterfaceDeclaration c : parsed.get().unit().findAll(ClassOrInterfaceDeclaration.class)) {
                    if (!uses(c, used)) continue;
                    var imports = parsed.get().imports();
                    if (imports.has(c, "Entity")) result.add(path);
                    if ((imports.has(c, "Embeddable") || imports.has(c, "MappedSuperclass"))
                            && used.add(c.getNameAsString())) {
                        grew = true;
                    }
                }
            }
        }
        return result;
    }

    private static boolean uses(ClassOrInterfaceDeclaration c, Set<String> names) {
        for (ClassOrInterfaceType t : c.findAll(ClassOrInterfaceType.class)) {
            if (names.contains(t.getNameAsString())) return true;
        }
        return false;
    }

    static boolean mentionsJpa(String text) {
        return MAPPING_ANNOTATION.matcher(text).find();
    }

    private SnapshotSources sources(Snapshot side) {
        return snapshots.computeIfAbsent(side, s -> new SnapshotSources(s, parser(), keptSourceChars, readAheadFiles));
    }
}
