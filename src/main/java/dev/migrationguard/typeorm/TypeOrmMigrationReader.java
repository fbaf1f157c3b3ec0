package dev.migrationguard.typeorm;

import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.Digests;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration.Touch;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.sql.SqlTouchReader;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TypeScript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TypeORM migrations: a class implementing {@code MigrationInterface} in {@code <13-digit timestamp>-<Name>.ts}.
 * What {@code up()} touches comes from the SQL of {@code queryRunner.query(...)} and from the QueryRunner schema API;
 * the way back is judged from {@code down()}. The id is the path: TypeORM records the class name, so renaming a
 * deployed migration's file (and class) makes it a new migration to TypeORM, which is an edit to us.
 */
public final class TypeOrmMigrationReader implements MigrationReader {
    static final Pattern FILE = Pattern.compile("(\\d{13})-(.+)\\.ts");
    /** Placeholder for template parts we cannot evaluate: an identifier, so the SQL around it still parses. */
    private static final String UNKNOWN = "unknown_value";
    private final TsSources sources;

    public TypeOrmMigrationReader(TsSources sources) {
        this.sources = sources;
    }

    @Override
    public boolean accepts(String path) {
        return FILE.matcher(Text.fileName(path)).matches();
    }

    @Override
    public ReadResult<Migration> read(Snapshot side, String path) {
        Matcher name = FILE.matcher(Text.fileName(path));
        Optional<String> text = side.readText(path);
        if (!name.matches() || text.isEmpty()) return ReadResult.empty();
        String checksum = checksum(text.get());
        try {
            TypeScript.Parsed parsed = sources.parse(side, path).orElseThrow();
            if (parsed.error() != null) {
                Migration unreadable = new Migration(path, path, TypeOrmStack.ID, Migration.Kind.VERSIONED,
                        name.group(1), name.group(2), Location.file(path), List.of(), Rollback.notApplicable(),
                        checksum);
                return new ReadResult<>(List.of(unreadable), List.of(TsSources.problem(path, parsed.error())));
            }
            TsNode.ClassDecl migration = null;
            for (TsNode.ClassDecl c : parsed.module().classes()) {
                if (c.implementsNames().contains("MigrationInterface")) migration = c;
            }
            if (migration == null) return ReadResult.empty();
            Map<String, TsNode> scope = TsValues.constants(parsed.module().body());
            TsNode.Method up = method(migration, "up");
            TsNode.Method down = method(migration, "down");
            List<Touch> touches = up == null || up.body() == null ? List.of() : touches(up.body(), scope);
            return ReadResult.of(List.of(new Migration(path, path, TypeOrmStack.ID, Migration.Kind.VERSIONED,
                    name.group(1), name.group(2), Location.file(path), touches, rollback(path, migration, down),
                    checksum)));
        } catch (RuntimeException | StackOverflowError e) {
            if (e instanceof CannotJudge u) throw u;
            return ReadResult.problem(new ParseProblem(Location.file(path),
                    "Could not read this TypeORM migration: " + e));
        }
    }

    private static TsNode.Method method(TsNode.ClassDecl c, String name) {
        for (TsNode m : c.members()) {
            if (m instanceof TsNode.Method method && name.equals(method.name()) && !method.isStatic()) return method;
        }
        return null;
    }

    /** down() absent: MISSING; empty, only comments or a bare return: EMPTY; only throws: THROWS; else PRESENT. */
    static Rollback rollback(String path, TsNode.ClassDecl c, TsNode.Method down) {
        if (down == null || down.body() == null) {
            return new Rollback(Rollback.Status.MISSING, Location.at(path, c.line(), c.column()), false);
        }
        Location at = Location.at(path, down.line(), down.column());
        List<TsNode> statements = down.body().statements().stream()
                .filter(s -> !(s instanceof TsNode.Other o && o.kind().equals("EmptyStmt"))).toList();
        if (statements.stream().allMatch(s -> s instanceof TsNode.Return r && r.value() == null)) {
            return new Rollback(Rollback.Status.EMPTY, at, false);
        }
        if (statements.stream().allMatch(s -> s instanceof TsNode.Throw)) {
            return new Rollback(Rollback.Status.THROWS, at, false);
        }
        return new Rollback(Rollback.Status.PRESENT, at, false);
    }

    /** The tables and columns the statements touch, through SQL or the QueryRunner API, in order. */
    static List<Touch> touches(TsNode.Block body, Map<String, TsNode> moduleScope) {
        Map<String, TsNode> scope = new HashMap<>(moduleScope);
        body.walk(n -> {
            if (n instanceof TsNode.Var v && v.init() != null) scope.put(v.name(), v.init());
        });
        Set<Touch> out = new LinkedHashSet<>();
        body.walk(n -> {
            if (n instanceof TsNode.Call call && call.callee() instanceof TsNode.Member m && m.property() != null) {
                out.addAll(QueryRunnerApi.touches(m.property(), call.args(), scope, UNKNOWN));
            }
        });
        return new ArrayList<>(out);
    }

    /** SHA-256 over the content with line endings normalised: a checkout on Windows is not an edit. */
    static String checksum(String content) {
        return Digests.sha256(Text.withLfLineEndings(content));
    }

    /** The QueryRunner methods that change the schema, and what each touches. */
    static final class QueryRunnerApi {
        private QueryRunnerApi() {
        }

        static List<Touch> touches(String method, List<TsNode> args, Map<String, TsNode> scope, String unknown) {
            List<Touch> out = new ArrayList<>();
            if (method.equals("query")) {
                if (!args.isEmpty()) TsValues.string(args.get(0), scope, unknown).ifPresent(sql ->
                        out.addAll(SqlTouchReader.touches(sql)));
                return out;
            }
            String table = args.isEmpty() ? null : tableName(args.get(0), scope);
            if (table == null) return out;
            switch (method) {
                case "createTable", "createView" -> out.add(new Touch(table, null, "create"));
                case "dropTable", "dropView" -> out.add(new Touch(table, null, "drop"));
                case "renameTable" -> {
                    out.add(new Touch(table, null, "rename"));
                    if (args.size() > 1) TsValues.string(args.get(1), scope, unknown)
                            .ifPresent(n -> out.add(new Touch(n, null, "rename")));
                }
                case "clearTable" -> out.add(new Touch(table, null, "truncate"));
                case "addColumn", "addColumns" -> columns(args, scope, table, "add-column", out);
                case "dropColumn", "dropColumns" -> columns(args, scope, table, "drop-column", out);
                case "renameColumn" -> columns(args, scope, table, "rename-column", out);
                case "changeColumn", "changeColumns" -> columns(args, scope, table, "alter-column", out);
                case "createIndex", "createIndices", "dropIndex", "dropIndices" -> out.add(new Touch(table, null, "index"));
                case "createForeignKey", "createForeignKeys", "dropForeignKey", "dropForeignKeys", "createPrimaryKey",
                        "updatePrimaryKeys", "dropPrimaryKey", "createUniqueConstraint", "createUniqueConstraints",
                        "dropUniqueConstraint", "dropUniqueConstraints", "createCheckConstraint",
                        "createCheckConstraints", "dropCheckConstraint", "dropCheckConstraints",
                        "createExclusionConstraint", "createExclusionConstraints", "dropExclusionConstraint",
                        "dropExclusionConstraints" -> out.add(new Touch(table, null, "alter"));
                default -> {
                }
            }
            return out;
        }

        private static void columns(List<TsNode> args, Map<String, TsNode> scope, String table, String action,
                                    List<Touch> out) {
            boolean any = false;
            for (TsNode a : args.subList(1, args.size())) {
                List<TsNode> items = a instanceof TsNode.Arr arr ? arr.items() : List.of(a);
                for (TsNode item : items) {
                    String column = tableName(item, scope);
                    if (column != null) {
                        out.add(new Touch(table, column, action));
                        any = true;
                    }
                }
            }
            if (!any) out.add(new Touch(table, null, "alter"));
        }

        /** A name from a string, a constant, {@code new Table({ name })}, {@code new TableColumn({ name })} or
         *  an object literal with a {@code name}. */
        private static String tableName(TsNode n, Map<String, TsNode> scope) {
            if (n instanceof TsNode.Ident id && scope.get(id.name()) != null && scope.get(id.name()) != n) {
                return tableName(scope.get(id.name()), Map.of());
            }
            if (n instanceof TsNode.New created && !created.args().isEmpty()) return tableName(created.args().get(0), scope);
            if (n instanceof TsNode.Obj o) {
                return o.prop("name").flatMap(p -> TsValues.string(p.value(), scope, UNKNOWN)).orElse(null);
            }
            return TsValues.string(n, scope, UNKNOWN).orElse(null);
        }
    }
}
