package dev.migrationguard.typeorm;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration.Touch;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.ConstraintKind;
import dev.migrationguard.model.ops.Operation.DataKind;
import dev.migrationguard.model.ops.Operation.IndexKey;
import dev.migrationguard.model.ops.Operation.OpaqueKind;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.sql.SqlOperations;
import dev.migrationguard.sql.TableRebuilds;
import dev.migrationguard.typescript.TsNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operations of one side of a TypeORM migration ({@code up()} or {@code down()}), statement by statement:
 * {@code queryRunner.query(sql)} through {@link SqlOperations}, placed in the .ts file at the SQL's literal; the
 * QueryRunner schema API ({@code createTable(new Table({...}))}, {@code addColumn}, {@code createIndex}...) read from
 * its arguments, with column types canonicalised as TypeORM's drivers do; {@code manager.insert/update/delete}. A
 * statement that is none of these (a loop, an {@code if}, a helper function) is an {@link Operation.Opaque} naming the
 * tables it mentions. Never throws on what a parser accepts.
 */
final class QueryRunnerOperations {
    /** An identifier put where a template holds a value we cannot know, so that the SQL around it still parses. */
    static final String DYNAMIC = "mg_dynamic_value";
    /** Calls that read or manage the connection and change nothing. */
    private static final Set<String> NO_EFFECT = Set.of("getTable", "getTables", "hasTable", "hasColumn", "getView",
            "getViews", "hasSchema", "hasDatabase", "getCurrentSchema", "getCurrentDatabase", "getDatabases",
            "getSchemas", "hasEnumType", "connect", "release", "log", "warn", "info", "debug", "error", "getRepository",
            "createQueryBuilder", "stream", "getReplicationMode");
    private static final Set<String> TRANSACTION = Set.of("startTransaction", "commitTransaction",
            "rollbackTransaction");

    private final String path;
    private final Dialect dialect;
    private final Side side;
    private final Map<String, TsNode> scope;
    private final List<Operation> out = new ArrayList<>();

    private QueryRunnerOperations(String path, Dialect dialect, Side side, Map<String, TsNode> scope) {
        this.path = path;
        this.dialect = dialect == null ? Dialect.DEFAULT : dialect;
        this.side = side;
        this.scope = scope;
    }

    /** The operations of a method body, in order; {@code moduleScope} holds the file's top-level constants. */
    static List<Operation> read(String path, TsNode.Block body, Map<String, TsNode> moduleScope, Dialect dialect,
                                Side side) {
        if (body == null) return List.of();
        Map<String, TsNode> scope = new HashMap<>(moduleScope);
        body.walk(n -> {
            if (n instanceof TsNode.Var v && v.init() != null) scope.put(v.name(), v.init());
        });
        QueryRunnerOperations reader = new QueryRunnerOperations(path, dialect, side, scope);
        for (TsNode statement : body.statements()) reader.statement(statement);
        // TypeORM's SQLite rebuild spans several query() calls: folded over the whole side, not per call.
        return TableRebuilds.fold(reader.out);
    }

    private Origin origin(TsNode n) {
        return new Origin(Location.at(path, n.line(), n.column()), side);
    }

    private void statement(TsNode s) {
        if (s instanceof TsNode.ExprStmt e) {
            expression(e.expr(), s);
        } else if (s instanceof TsNode.Var v) {
            if (v.init() != null && containsCall(v.init())) expression(v.init(), s);
        } else if (s instanceof TsNode.Return r) {
            if (r.value() != null) expression(r.value(), s);
        } else if (s instanceof TsNode.Other o && (o.kind().equals("EmptyStmt") || o.kind().startsWith("Ts"))) {
            return;
        } else if (s instanceof TsNode.Block b) {
            for (TsNode inner : b.statements()) statement(inner);
        } else {
            opaque(s, OpaqueKind.PROCEDURAL, summary(s));
        }
    }

    private static boolean containsCall(TsNode n) {
        boolean[] found = {false};
        n.walk(x -> {
            if (x instanceof TsNode.Call || x instanceof TsNode.New) found[0] = true;
        });
        return found[0];
    }

    /** A statement's expression: one API call (or a Promise.all of them), else opaque. */
    private void expression(TsNode e, TsNode statement) {
        if (e instanceof TsNode.Call call && call.callee() instanceof TsNode.Member m && m.property() != null) {
            if (m.property().equals("all") && m.object() instanceof TsNode.Ident p && p.name().equals("Promise")
                    && call.args().size() == 1 && call.args().get(0) instanceof TsNode.Arr arr) {
                for (TsNode item : arr.items()) expression(item, item);
                return;
            }
            if (call(m, call)) return;
        }
        if (e instanceof TsNode.Call call && call.callee() instanceof TsNode.Ident) {
            opaque(statement, OpaqueKind.PROCEDURAL, summary(e));
            return;
        }
        if (!containsCall(e)) return;
        opaque(statement, OpaqueKind.PROCEDURAL, summary(e));
    }

    /** Reads a known call; false when the method is not one this reader knows. */
    private boolean call(TsNode.Member callee, TsNode.Call call) {
        String method = callee.property();
        List<TsNode> args = call.args();
        Origin at = origin(call);
        if (method.equals("query") || method.equals("sql")) {
            query(args, call);
            return true;
        }
        if (NO_EFFECT.contains(method)) return true;
        if (TRANSACTION.contains(method)) {
            out.add(new Operation.Opaque(at, OpaqueKind.SESSION, method, List.of()));
            return true;
        }
        switch (method) {
            case "createTable" -> createTable(at, arg(args, 0), bool(arg(args, 1)), args.size() < 3
                    || !Boolean.FALSE.equals(bool(arg(args, 2))), args.size() < 4
                    || !Boolean.FALSE.equals(bool(arg(args, 3))));
            case "dropTable" -> name(arg(args, 0)).ifPresentOrElse(t -> out.add(new Operation.DropTable(at, t,
                    Boolean.TRUE.equals(bool(arg(args, 1))), false)), () -> unknown(call, method));
            case "renameTable" -> {
                Optional<QualifiedName> from = name(arg(args, 0));
                Optional<String> to = string(arg(args, 1));
                if (from.isPresent() && to.isPresent()) {
                    out.add(new Operation.RenameTable(at, from.get(), qualified(to.get())));
                } else {
                    unknown(call, method);
                }
            }
            case "addColumn", "addColumns" -> forTable(call, method, t -> {
                for (TsNode c : items(args, 1)) {
                    column(c, t).ifPresentOrElse(def -> out.add(new Operation.AddColumn(at, t, def, false)),
                            () -> unknown(call, method));
                }
            });
            case "dropColumn", "dropColumns" -> forTable(call, method, t -> {
                boolean ifExists = method.equals("dropColumn") && Boolean.TRUE.equals(bool(arg(args, 2)));
                for (TsNode c : items(args, 1)) {
                    objectName(c).ifPresentOrElse(n -> out.add(new Operation.DropColumn(at, t, n, ifExists, false)),
                            () -> unknown(call, method));
                }
            });
            case "renameColumn" -> forTable(call, method, t -> {
                Optional<String> from = objectName(arg(args, 1));
                Optional<String> to = objectName(arg(args, 2));
                if (from.isPresent() && to.isPresent()) out.add(new Operation.RenameColumn(at, t, from.get(), to.get()));
                else unknown(call, method);
            });
            case "changeColumn" -> forTable(call, method, t -> changeColumn(call, at, t, arg(args, 1), arg(args, 2)));
            case "changeColumns" -> forTable(call, method, t -> {
                for (TsNode change : items(args, 1)) {
                    Optional<TsNode.Obj> o = object(change);
                    if (o.isEmpty()) {
                        unknown(call, method);
                        continue;
                    }
                    changeColumn(call, at, t, o.get().prop("oldColumn").map(TsNode.Prop::value).orElse(null),
                            o.get().prop("newColumn").map(TsNode.Prop::value).orElse(null));
                }
            });
            case "createIndex", "createIndices" -> forTable(call, method, t -> {
                for (TsNode i : items(args, 1)) {
                    index(at, t, i).ifPresentOrElse(out::add, () -> unknown(call, method));
                }
            });
            case "dropIndex", "dropIndices" -> forTable(call, method, t -> {
                for (TsNode i : items(args, 1)) {
                    objectName(i).ifPresentOrElse(n -> out.add(new Operation.DropIndex(at, QualifiedName.of(n), t,
                            false, false)), () -> unknown(call, method));
                }
            });
            case "createForeignKey", "createForeignKeys" -> forTable(call, method, t -> {
                for (TsNode fk : items(args, 1)) {
                    foreignKey(fk).ifPresentOrElse(c -> out.add(new Operation.AddConstraint(at, t, c, false)),
                            () -> unknown(call, method));
                }
            });
            case "createUniqueConstraint", "createUniqueConstraints" -> forTable(call, method, t -> {
                for (TsNode u : items(args, 1)) {
                    unique(u).ifPresentOrElse(c -> out.add(new Operation.AddConstraint(at, t, c, false)),
                            () -> unknown(call, method));
                }
            });
            case "createCheckConstraint", "createCheckConstraints" -> forTable(call, method, t -> {
                for (TsNode c : items(args, 1)) {
                    check(c).ifPresentOrElse(k -> out.add(new Operation.AddConstraint(at, t, k, false)),
                            () -> unknown(call, method));
                }
            });
            case "createExclusionConstraint", "createExclusionConstraints" -> forTable(call, method, t -> {
                for (TsNode c : items(args, 1)) {
                    Optional<TsNode.Obj> o = object(c);
                    String name = o.flatMap(x -> prop(x, "name")).flatMap(this::string).orElse(null);
                    String expression = o.flatMap(x -> prop(x, "expression")).flatMap(this::string).orElse(null);
                    if (expression == null) unknown(call, method);
                    else out.add(new Operation.AddConstraint(at, t, new Constraint.Exclusion(name, expression), false));
                }
            });
            case "dropForeignKey", "dropForeignKeys" -> dropConstraints(call, at, ConstraintKind.FOREIGN_KEY);
            case "dropUniqueConstraint", "dropUniqueConstraints" -> dropConstraints(call, at, ConstraintKind.UNIQUE);
            case "dropCheckConstraint", "dropCheckConstraints" -> dropConstraints(call, at, ConstraintKind.CHECK);
            case "dropExclusionConstraint", "dropExclusionConstraints" ->
                    dropConstraints(call, at, ConstraintKind.EXCLUSION);
            case "createPrimaryKey" -> forTable(call, method, t -> {
                List<String> columns = strings(arg(args, 1));
                if (columns.isEmpty()) unknown(call, method);
                else out.add(new Operation.AddConstraint(at, t, new Constraint.PrimaryKey(
                        string(arg(args, 2)).orElse(null), columns), false));
            });
            case "dropPrimaryKey" -> forTable(call, method, t -> out.add(new Operation.DropConstraint(at, t,
                    string(arg(args, 1)).orElse(null), ConstraintKind.PRIMARY_KEY, false)));
            case "updatePrimaryKeys" -> forTable(call, method, t -> {
                List<String> columns = new ArrayList<>();
                for (TsNode c : items(args, 1)) {
                    Optional<TsNode.Obj> o = object(c);
                    if (o.isPresent() && Boolean.TRUE.equals(o.flatMap(x -> prop(x, "isPrimary")).map(this::bool)
                            .orElse(null))) {
                        objectName(c).ifPresent(columns::add);
                    }
                }
                out.add(new Operation.DropConstraint(at, t, null, ConstraintKind.PRIMARY_KEY, false));
                if (!columns.isEmpty()) {
                    out.add(new Operation.AddConstraint(at, t, new Constraint.PrimaryKey(null, columns), false));
                }
            });
            case "createView" -> {
                Optional<TsNode.Obj> o = object(arg(args, 0));
                Optional<String> name = o.flatMap(x -> prop(x, "name")).flatMap(this::string);
                if (name.isEmpty()) {
                    unknown(call, method);
                } else {
                    boolean materialized = Boolean.TRUE.equals(o.flatMap(x -> prop(x, "materialized")).map(this::bool)
                            .orElse(null));
                    out.add(new Operation.CreateView(at, qualified(name.get()), false, materialized, List.of()));
                }
            }
            case "dropView" -> name(arg(args, 0)).ifPresentOrElse(v -> out.add(new Operation.DropView(at, v, false,
                    Boolean.TRUE.equals(bool(arg(args, 1))))), () -> unknown(call, method));
            case "clearTable" -> name(arg(args, 0)).ifPresentOrElse(t -> out.add(new Operation.DataChange(at,
                    DataKind.TRUNCATE, t, List.of(), false, null)), () -> unknown(call, method));
            case "createSchema", "dropSchema", "createDatabase", "dropDatabase", "clearDatabase" ->
                    out.add(new Operation.Opaque(at, OpaqueKind.OTHER_OBJECT, method + "("
                            + string(arg(args, 0)).orElse("") + ")", List.of()));
            case "insert", "update", "delete", "upsert", "save", "remove", "softDelete", "restore" ->
                    data(at, method, args);
            default -> {
                return false;
            }
        }
        return true;
    }

    // ---- query(sql)

    private void query(List<TsNode> args, TsNode.Call call) {
        TsNode sql = arg(args, 0);
        TsNode literal = literal(sql, 0);
        if (literal == null) {
            out.add(new Operation.Opaque(origin(call), OpaqueKind.PROCEDURAL, "query(<computed SQL>)", List.of()));
            return;
        }
        boolean[] dynamic = {false};
        String text = text(literal, dynamic);
        // The SQL starts one character after the quote or backtick that opens the literal.
        Location base = Location.at(path, literal.line(), literal.column() + 1);
        for (Operation op : SqlOperations.read(text, dialect, base, side)) {
            // A record's text spells every name it holds: an operation that names the placeholder was built on a
            // value we do not know (a table, a column, a type), one that does not (an INSERT's values) stays exact.
            if (dynamic[0] && op.toString().contains(DYNAMIC)) {
                out.add(new Operation.Opaque(op.origin(), OpaqueKind.UNREAD, "dynamic SQL", mentions(op)));
            } else {
                out.add(op);
            }
        }
    }

    /** The literal that holds the SQL: the argument itself, or the constant or variable it names. */
    private TsNode literal(TsNode n, int depth) {
        if (n == null || depth > 10) return null;
        if (n instanceof TsNode.Str || n instanceof TsNode.Template) return n;
        if (n instanceof TsNode.Binary b && b.op().equals("+")) {
            return TsValues.string(n, scope, DYNAMIC).isPresent() ? n : null;
        }
        if (n instanceof TsNode.Ident id && scope.containsKey(id.name()) && scope.get(id.name()) != n) {
            return literal(scope.get(id.name()), depth + 1);
        }
        return null;
    }

    /** The SQL text, with {@link #DYNAMIC} where a part cannot be known; {@code dynamic[0]} says whether any. */
    private String text(TsNode literal, boolean[] dynamic) {
        if (literal instanceof TsNode.Template t) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < t.quasis().size(); i++) {
                b.append(t.quasis().get(i));
                if (i < t.exprs().size()) {
                    Optional<String> part = TsValues.string(t.exprs().get(i), scope, DYNAMIC);
                    if (part.isEmpty() || part.get().contains(DYNAMIC)) dynamic[0] = true;
                    b.append(part.orElse(DYNAMIC));
                }
            }
            return b.toString();
        }
        String s = TsValues.string(literal, scope, DYNAMIC).orElse("");
        if (s.contains(DYNAMIC)) dynamic[0] = true;
        return s;
    }

    private static List<QualifiedName> mentions(Operation op) {
        Set<QualifiedName> names = new LinkedHashSet<>();
        for (var c : op.getClass().getRecordComponents()) {
            if (c.getType() != QualifiedName.class) continue;
            try {
                QualifiedName q = (QualifiedName) c.getAccessor().invoke(op);
                if (q != null && !q.name().contains(DYNAMIC)) names.add(q);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return new ArrayList<>(names);
    }

    // ---- tables and columns

    private void createTable(Origin at, TsNode table, Boolean ifNotExists, boolean foreignKeys, boolean indices) {
        Optional<TsNode.Obj> o = object(table);
        Optional<String> name = o.flatMap(x -> prop(x, "name")).flatMap(this::string);
        if (name.isEmpty()) {
            out.add(new Operation.Opaque(at, OpaqueKind.UNREAD, "createTable", List.of()));
            return;
        }
        QualifiedName t = qualified(name.get());
        List<ColumnDef> columns = new ArrayList<>();
        List<String> primary = new ArrayList<>();
        boolean known = true;
        for (TsNode c : listProp(o.get(), "columns")) {
            Optional<ColumnDef> def = column(c, t);
            if (def.isEmpty()) {
                known = false;
                continue;
            }
            columns.add(def.get());
            if (def.get().primaryKey()) primary.add(def.get().name());
        }
        List<Constraint> constraints = new ArrayList<>();
        if (primary.size() > 1) {
            // A composite key is a table constraint; TypeORM writes it so, not inline.
            List<ColumnDef> plain = new ArrayList<>();
            for (ColumnDef c : columns) plain.add(c.primaryKey() ? withPrimary(c, false) : c);
            columns = plain;
            constraints.add(new Constraint.PrimaryKey(null, primary));
        }
        for (TsNode u : listProp(o.get(), "uniques")) unique(u).ifPresent(constraints::add);
        for (TsNode c : listProp(o.get(), "checks")) check(c).ifPresent(constraints::add);
        if (foreignKeys) for (TsNode fk : listProp(o.get(), "foreignKeys")) foreignKey(fk).ifPresent(constraints::add);
        if (!known) {
            out.add(new Operation.Opaque(at, OpaqueKind.UNREAD, "createTable " + t, List.of(t)));
            return;
        }
        out.add(new Operation.CreateTable(at, t, columns, constraints, Boolean.TRUE.equals(ifNotExists), false, false));
        if (indices) {
            for (TsNode i : listProp(o.get(), "indices")) index(at, t, i).ifPresent(out::add);
        }
    }

    private static ColumnDef withPrimary(ColumnDef c, boolean primary) {
        return new ColumnDef(c.name(), c.type(), c.typeText(), c.notNull(), c.defaultValue(), c.generated(), primary,
                c.unique(), c.references(), c.defaultConstraint());
    }

    private void changeColumn(TsNode.Call call, Origin at, QualifiedName table, TsNode oldColumn, TsNode newColumn) {
        Optional<String> from = objectName(oldColumn);
        Optional<ColumnDef> to = column(newColumn, table);
        if (from.isEmpty() || to.isEmpty()) {
            unknown(call, "changeColumn");
            return;
        }
        out.add(new Operation.RedefineColumn(at, table, from.get(), to.get()));
    }

    /**
     * A {@code new TableColumn({...})} or plain options object as TypeORM's query runners build it: {@code isNullable}
     * false unless said, the type through the driver's normalisation, the default as raw SQL.
     */
    private Optional<ColumnDef> column(TsNode n, QualifiedName table) {
        Optional<TsNode.Obj> o = object(n);
        if (o.isEmpty()) return Optional.empty();
        TsNode.Obj c = o.get();
        Optional<String> name = prop(c, "name").flatMap(this::string);
        Optional<String> type = prop(c, "type").flatMap(this::string);
        if (name.isEmpty()) return Optional.empty();
        boolean primary = isTrue(c, "isPrimary");
        boolean nullable = isTrue(c, "isNullable");
        String strategy = prop(c, "generationStrategy").flatMap(this::string).orElse(null);
        boolean generated = isTrue(c, "isGenerated");
        TypeOrmColumnTypes.Kind kind = !generated ? (primary ? TypeOrmColumnTypes.Kind.PRIMARY
                : TypeOrmColumnTypes.Kind.COLUMN)
                : "uuid".equals(strategy) ? TypeOrmColumnTypes.Kind.UUID
                : "identity".equals(strategy) ? TypeOrmColumnTypes.Kind.IDENTITY
                : "rowid".equals(strategy) ? TypeOrmColumnTypes.Kind.ROWID : TypeOrmColumnTypes.Kind.INCREMENT;
        TypeOrmColumnTypes.Options options = TypeOrmColumnTypes.Options.none()
                .withType(type.map(s -> s.toLowerCase(Locale.ROOT)).orElse(null))
                .withLength(integer(c, "length"))
                .withPrecision(integer(c, "precision"), integer(c, "scale"))
                .withWidth(integer(c, "width"), isTrue(c, "unsigned"))
                .withArray(isTrue(c, "isArray"))
                .withNullable(nullable, false)
                .withEnum(prop(c, "enum").map(this::strings).orElse(null),
                        prop(c, "enumName").flatMap(this::string).orElse(null))
                .withGeneration(prop(c, "generatedIdentity").flatMap(this::string).orElse(null), null);
        SqlType sqlType = null;
        if (type.isPresent()) {
            TypeOrmColumnTypes.Resolved resolved = TypeOrmColumnTypes.resolve(dialect, kind,
                    TypeOrmColumnTypes.DesignType.NONE, options, table.name(), name.get());
            sqlType = resolved.type();
        }
        String typeText = type.map(t -> integer(c, "length") == null ? t : t + "(" + integer(c, "length") + ")")
                .orElse(null);
        String dflt = prop(c, "default").map(v -> TsValues.string(v, scope, DYNAMIC).orElse(
                v instanceof TsNode.Bool b ? String.valueOf(b.value()) : v instanceof TsNode.Null ? "NULL" : null))
                .orElse(null);
        if (dflt == null && kind == TypeOrmColumnTypes.Kind.UUID) {
            ColumnDefault d = TypeOrmColumnTypes.resolve(dialect, kind, TypeOrmColumnTypes.DesignType.NONE, options,
                    table.name(), name.get()).defaultValue();
            dflt = d.expression();
        }
        ColumnDef.Generated gen = null;
        if (generated && kind == TypeOrmColumnTypes.Kind.INCREMENT) {
            gen = new ColumnDef.Generated(dialect == Dialect.POSTGRES ? ColumnDef.Generated.Kind.SERIAL
                    : ColumnDef.Generated.Kind.AUTO_INCREMENT, null);
        } else if (generated && kind == TypeOrmColumnTypes.Kind.IDENTITY) {
            String identity = prop(c, "generatedIdentity").flatMap(this::string).orElse("BY DEFAULT");
            gen = new ColumnDef.Generated(identity.equalsIgnoreCase("ALWAYS") ? ColumnDef.Generated.Kind.IDENTITY_ALWAYS
                    : ColumnDef.Generated.Kind.IDENTITY_BY_DEFAULT, null);
        }
        Optional<String> asExpression = prop(c, "asExpression").flatMap(this::string);
        if (asExpression.isPresent()) {
            boolean stored = prop(c, "generatedType").flatMap(this::string).map(s -> s.equalsIgnoreCase("STORED"))
                    .orElse(false);
            gen = new ColumnDef.Generated(stored ? ColumnDef.Generated.Kind.STORED : ColumnDef.Generated.Kind.VIRTUAL,
                    asExpression.get());
        }
        return Optional.of(new ColumnDef(name.get(), sqlType, typeText, !nullable || primary, dflt, gen, primary,
                isTrue(c, "isUnique"), null));
    }

    private Optional<Operation> index(Origin at, QualifiedName table, TsNode n) {
        Optional<TsNode.Obj> o = object(n);
        if (o.isEmpty()) return Optional.empty();
        List<String> columns = prop(o.get(), "columnNames").map(this::strings).orElse(List.of());
        if (columns.isEmpty()) return Optional.empty();
        String method = isTrue(o.get(), "isSpatial") ? "spatial" : isTrue(o.get(), "isFulltext") ? "fulltext" : null;
        return Optional.of(new Operation.CreateIndex(at, prop(o.get(), "name").flatMap(this::string).orElse(null),
                table, columns.stream().map(IndexKey::column).toList(), isTrue(o.get(), "isUnique"),
                isTrue(o.get(), "isConcurrent"), false, method,
                prop(o.get(), "where").flatMap(this::string).orElse(null)));
    }

    private Optional<Constraint> foreignKey(TsNode n) {
        Optional<TsNode.Obj> o = object(n);
        if (o.isEmpty()) return Optional.empty();
        List<String> columns = prop(o.get(), "columnNames").map(this::strings).orElse(List.of());
        Optional<String> target = prop(o.get(), "referencedTableName").flatMap(this::string);
        if (columns.isEmpty() || target.isEmpty()) return Optional.empty();
        String schema = prop(o.get(), "referencedSchema").flatMap(this::string).orElse(null);
        QualifiedName to = schema != null ? QualifiedName.of(schema, target.get()) : qualified(target.get());
        ColumnDef.Reference reference = new ColumnDef.Reference(to,
                prop(o.get(), "referencedColumnNames").map(this::strings).orElse(List.of()),
                prop(o.get(), "onDelete").flatMap(this::string).orElse(null),
                prop(o.get(), "onUpdate").flatMap(this::string).orElse(null));
        return Optional.of(new Constraint.ForeignKey(prop(o.get(), "name").flatMap(this::string).orElse(null), columns,
                reference));
    }

    private Optional<Constraint> unique(TsNode n) {
        Optional<TsNode.Obj> o = object(n);
        if (o.isEmpty()) return Optional.empty();
        List<String> columns = prop(o.get(), "columnNames").map(this::strings).orElse(List.of());
        if (columns.isEmpty()) return Optional.empty();
        return Optional.of(new Constraint.Unique(prop(o.get(), "name").flatMap(this::string).orElse(null), columns,
                null));
    }

    private Optional<Constraint> check(TsNode n) {
        Optional<TsNode.Obj> o = object(n);
        Optional<String> expression = o.flatMap(x -> prop(x, "expression")).flatMap(this::string);
        if (expression.isEmpty()) return Optional.empty();
        return Optional.of(new Constraint.Check(o.flatMap(x -> prop(x, "name")).flatMap(this::string).orElse(null),
                expression.get()));
    }

    private void dropConstraints(TsNode.Call call, Origin at, ConstraintKind kind) {
        forTable(call, "drop", t -> {
            for (TsNode c : items(call.args(), 1)) {
                objectName(c).ifPresentOrElse(n -> out.add(new Operation.DropConstraint(at, t, n, kind, false)),
                        () -> unknown(call, "drop constraint"));
            }
        });
    }

    /** {@code manager.insert('user', {...})}: a data change when the target is a table name, else opaque. */
    private void data(Origin at, String method, List<TsNode> args) {
        Optional<String> table = string(arg(args, 0));
        if (table.isEmpty()) {
            out.add(new Operation.Opaque(at, OpaqueKind.PROCEDURAL, method + "(<entity>)", List.of()));
            return;
        }
        DataKind kind = switch (method) {
            case "insert", "save", "upsert" -> DataKind.INSERT;
            case "delete", "remove", "softDelete" -> DataKind.DELETE;
            default -> DataKind.UPDATE;
        };
        List<String> columns = new ArrayList<>();
        TsNode values = kind == DataKind.UPDATE ? arg(args, 2) : arg(args, 1);
        if (values instanceof TsNode.Arr arr && !arr.items().isEmpty()) values = arr.items().get(0);
        object(values).ifPresent(o -> o.props().forEach(p -> {
            if (p.key() != null) columns.add(p.key());
        }));
        boolean hasWhere = kind != DataKind.INSERT && arg(args, 1) != null;
        out.add(new Operation.DataChange(at, kind, qualified(table.get()), kind == DataKind.DELETE ? List.of()
                : columns, hasWhere, null));
    }

    // ---- values

    private interface TableAction {
        void on(QualifiedName table);
    }

    private void forTable(TsNode.Call call, String method, TableAction action) {
        Optional<QualifiedName> table = name(arg(call.args(), 0));
        if (table.isEmpty()) unknown(call, method);
        else action.on(table.get());
    }

    private void unknown(TsNode.Call call, String method) {
        List<QualifiedName> mentions = name(arg(call.args(), 0)).map(List::of).orElse(List.of());
        out.add(new Operation.Opaque(origin(call), OpaqueKind.UNREAD, method, mentions));
    }

    private void opaque(TsNode statement, OpaqueKind kind, String summary) {
        Set<QualifiedName> mentions = new LinkedHashSet<>();
        for (Touch t : TypeOrmMigrationReader.touches(statement, scope)) {
            if (!t.table().contains(DYNAMIC) && !t.table().contains("unknown_value")) mentions.add(qualified(t.table()));
        }
        out.add(new Operation.Opaque(origin(statement), kind, summary, new ArrayList<>(mentions)));
    }

    private static String summary(TsNode n) {
        if (n instanceof TsNode.Call c) {
            if (c.callee() instanceof TsNode.Ident id) return id.name() + "(...)";
            if (c.callee() instanceof TsNode.Member m && m.property() != null) return m.property() + "(...)";
        }
        if (n instanceof TsNode.Other o) {
            String kind = o.kind();
            if (kind.endsWith("Stmt")) kind = kind.substring(0, kind.length() - 4);
            return kind.toLowerCase(Locale.ROOT);
        }
        return n.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static TsNode arg(List<TsNode> args, int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** The arguments from {@code from} on, arrays spread: {@code addColumns(t, [a, b])} and {@code addColumn(t, a)}. */
    private List<TsNode> items(List<TsNode> args, int from) {
        TsNode a = arg(args, from);
        if (a == null) return List.of();
        TsNode resolved = resolve(a, 0);
        if (resolved instanceof TsNode.Arr arr) return arr.items();
        return List.of(a);
    }

    private TsNode resolve(TsNode n, int depth) {
        if (n instanceof TsNode.Ident id && depth < 10 && scope.containsKey(id.name()) && scope.get(id.name()) != n) {
            return resolve(scope.get(id.name()), depth + 1);
        }
        return n;
    }

    /** An options object: written in place, in {@code new Table({...})}, or through a constant. */
    private Optional<TsNode.Obj> object(TsNode n) {
        TsNode r = resolve(n, 0);
        if (r instanceof TsNode.New created && !created.args().isEmpty()) r = resolve(created.args().get(0), 0);
        return r instanceof TsNode.Obj o ? Optional.of(o) : Optional.empty();
    }

    private static Optional<TsNode> prop(TsNode.Obj o, String key) {
        return o.prop(key).map(TsNode.Prop::value);
    }

    private Optional<String> string(TsNode n) {
        if (n == null) return Optional.empty();
        Optional<String> s = TsValues.string(n, scope, DYNAMIC);
        return s.isPresent() && !s.get().contains(DYNAMIC) ? s : Optional.empty();
    }

    /** A name given as a string, or as an object with a {@code name} ({@code new TableColumn({ name })}). */
    private Optional<String> objectName(TsNode n) {
        if (n == null) return Optional.empty();
        Optional<String> direct = string(n);
        if (direct.isPresent()) return direct;
        return object(n).flatMap(o -> prop(o, "name")).flatMap(this::string);
    }

    /**
     * A table named by a string, a {@code Table} object, or a variable holding {@code await queryRunner.getTable('x')}.
     */
    private Optional<QualifiedName> name(TsNode n) {
        TsNode r = resolve(n, 0);
        if (r instanceof TsNode.Call c && c.callee() instanceof TsNode.Member m
                && ("getTable".equals(m.property()) || "getView".equals(m.property()))) {
            return name(arg(c.args(), 0));
        }
        return objectName(n).map(QueryRunnerOperations::qualified);
    }

    private Boolean bool(TsNode n) {
        TsNode r = resolve(n, 0);
        return r instanceof TsNode.Bool b ? b.value() : null;
    }

    private boolean isTrue(TsNode.Obj o, String key) {
        return Boolean.TRUE.equals(prop(o, key).map(this::bool).orElse(null));
    }

    private Integer integer(TsNode.Obj o, String key) {
        return prop(o, key).flatMap(this::string).map(s -> {
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private List<String> strings(TsNode n) {
        TsNode r = resolve(n, 0);
        List<String> out = new ArrayList<>();
        if (r instanceof TsNode.Arr arr) {
            for (TsNode item : arr.items()) string(item).ifPresent(out::add);
        } else if (r != null) {
            string(r).ifPresent(out::add);
        }
        return out;
    }

    private List<TsNode> listProp(TsNode.Obj o, String key) {
        TsNode r = prop(o, key).map(v -> resolve(v, 0)).orElse(null);
        return r instanceof TsNode.Arr arr ? arr.items() : List.of();
    }

    /** {@code public.user} is table {@code user} in schema {@code public}. */
    static QualifiedName qualified(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? QualifiedName.of(name.substring(0, dot), name.substring(dot + 1))
                : QualifiedName.of(name);
    }
}
