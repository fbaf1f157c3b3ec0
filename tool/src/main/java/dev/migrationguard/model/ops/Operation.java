package dev.migrationguard.model.ops;

import dev.migrationguard.model.schema.SqlType;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change a migration makes to the schema, in the order the migration makes it: what a replay applies and what the
 * reviewer rules judge. One statement may yield several (an {@code ALTER TABLE} with several actions); they share its
 * {@link Origin}. What could not be read is an explicit {@link Opaque}, never silence.
 *
 * <p>What matters to a rule is a field, not a separate kind: {@code concurrently} on an index, {@code notValid} on a
 * constraint, {@code using} on a type change, the default of an added column (volatile or not), {@code hasWhere} on
 * a data statement.
 */
public sealed interface Operation {
    Origin origin();

    // ---- tables

    /**
     * {@code CREATE TABLE}. Inline {@code PRIMARY KEY}/{@code UNIQUE}/{@code REFERENCES} stay on the columns; MySQL's
     * inline {@code KEY}/{@code INDEX} come as {@link CreateIndex} operations right after.
     *
     * @param fromQuery {@code CREATE TABLE ... AS SELECT} or {@code (LIKE other)}: the columns are not known
     */
    record CreateTable(Origin origin, QualifiedName table, List<ColumnDef> columns, List<Constraint> constraints,
                       boolean ifNotExists, boolean temporary, boolean fromQuery) implements Operation {
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }
    }

    record DropTable(Origin origin, QualifiedName table, boolean ifExists, boolean cascade) implements Operation {
    }

    record RenameTable(Origin origin, QualifiedName from, QualifiedName to) implements Operation {
    }

    /**
     * A table rebuilt to a new definition by the pattern SQLite needs for most column changes (and TypeORM generates):
     * create {@code temporary_x}, copy the rows with {@code INSERT ... SELECT}, drop {@code x}, rename the copy to
     * {@code x}. Read as one operation so that a replay computes the column changes instead of a lost table.
     *
     * @param definition the new table, named {@code table}
     * @param copiedFrom each new column filled by the copy, with the old column (or expression) it was copied from;
     *                   a new column absent here starts empty (its default), an old column absent is dropped
     */
    record RebuildTable(Origin origin, QualifiedName table, CreateTable definition, Map<String, String> copiedFrom)
            implements Operation {
        public RebuildTable {
            copiedFrom = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(copiedFrom));
        }
    }

    // ---- columns

    record AddColumn(Origin origin, QualifiedName table, ColumnDef column, boolean ifNotExists) implements Operation {
    }

    record DropColumn(Origin origin, QualifiedName table, String column, boolean ifExists, boolean cascade)
            implements Operation {
    }

    record RenameColumn(Origin origin, QualifiedName table, String from, String to) implements Operation {
    }

    /**
     * {@code ALTER COLUMN ... TYPE}.
     *
     * @param type  null when the spelling is not a type we can read
     * @param using PostgreSQL's {@code USING} expression, null when absent
     */
    record AlterColumnType(Origin origin, QualifiedName table, String column, SqlType type, String typeText,
                           String using) implements Operation {
    }

    /** {@code SET NOT NULL} ({@code nullable} false) or {@code DROP NOT NULL} (true). */
    record AlterColumnNullability(Origin origin, QualifiedName table, String column, boolean nullable)
            implements Operation {
    }

    /**
     * {@code SET DEFAULT expr}, or {@code DROP DEFAULT} when {@code defaultValue} is null.
     *
     * @param constraint the name SQL Server's {@code ADD CONSTRAINT x DEFAULT v FOR c} gives the default; null when
     *                   none is named
     */
    record AlterColumnDefault(Origin origin, QualifiedName table, String column, String defaultValue,
                              String constraint) implements Operation {
        public AlterColumnDefault {
            if (defaultValue == null) constraint = null;
        }

        /** A default set without a constraint name, or dropped. */
        public AlterColumnDefault(Origin origin, QualifiedName table, String column, String defaultValue) {
            this(origin, table, column, defaultValue, null);
        }
    }

    /**
     * A column given a whole new definition: MySQL {@code MODIFY} and {@code CHANGE} (which may rename it), Oracle
     * {@code MODIFY}, SQL Server {@code ALTER COLUMN c type [NOT] NULL}. Whatever the definition leaves out is reset,
     * so the replay compares it with the column before to learn what changed.
     */
    record RedefineColumn(Origin origin, QualifiedName table, String column, ColumnDef definition)
            implements Operation {
    }

    // ---- indexes

    /**
     * @param name         null when the statement names none (the database picks one)
     * @param keys         the indexed columns and expressions, in order
     * @param method       {@code btree}, {@code gin}, MySQL {@code FULLTEXT}...; null when unsaid
     * @param where        the predicate of a partial index, null when none
     */
    record CreateIndex(Origin origin, String name, QualifiedName table, List<IndexKey> keys, boolean unique,
                       boolean concurrently, boolean ifNotExists, String method, String where) implements Operation {
        public CreateIndex {
            keys = List.copyOf(keys);
        }
    }

    /** @param table the table when the statement names it (MySQL, SQL Server); null on PostgreSQL */
    record DropIndex(Origin origin, QualifiedName name, QualifiedName table, boolean concurrently, boolean ifExists)
            implements Operation {
    }

    record RenameIndex(Origin origin, QualifiedName from, String to) implements Operation {
    }

    /** One key of an index: a column, or an expression ({@code lower(email)}) when {@code column} is null. */
    record IndexKey(String column, String expression) {
        public IndexKey {
            if (column == null) Objects.requireNonNull(expression, "column or expression");
        }

        public static IndexKey column(String name) {
            return new IndexKey(name, null);
        }

        public static IndexKey expression(String text) {
            return new IndexKey(null, text);
        }
    }

    // ---- constraints

    /** @param notValid PostgreSQL {@code NOT VALID}: existing rows are not checked now (see {@link ValidateConstraint}) */
    record AddConstraint(Origin origin, QualifiedName table, Constraint constraint, boolean notValid)
            implements Operation {
    }

    /**
     * @param name null for MySQL's {@code DROP PRIMARY KEY}
     * @param kind what the statement says it drops ({@code DROP FOREIGN KEY}, {@code DROP CHECK}); null when it does
     *             not say ({@code DROP CONSTRAINT})
     */
    record DropConstraint(Origin origin, QualifiedName table, String name, ConstraintKind kind, boolean ifExists)
            implements Operation {
    }

    record RenameConstraint(Origin origin, QualifiedName table, String from, String to) implements Operation {
    }

    record ValidateConstraint(Origin origin, QualifiedName table, String name) implements Operation {
    }

    enum ConstraintKind {
        PRIMARY_KEY, FOREIGN_KEY, UNIQUE, CHECK, EXCLUSION
    }

    // ---- views, sequences, types

    /**
     * {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW}, and {@code ALTER VIEW ... AS} (a replacement).
     *
     * @param reads the tables and views its query reads, when they could be read
     */
    record CreateView(Origin origin, QualifiedName view, boolean orReplace, boolean materialized,
                      List<QualifiedName> reads) implements Operation {
        public CreateView {
            reads = List.copyOf(reads);
        }
    }

    record DropView(Origin origin, QualifiedName view, boolean materialized, boolean ifExists) implements Operation {
    }

    /** @param options the options as written ({@code START WITH 1 INCREMENT BY 1}), empty when none */
    record CreateSequence(Origin origin, QualifiedName sequence, boolean ifNotExists, String options)
            implements Operation {
    }

    record AlterSequence(Origin origin, QualifiedName sequence, String options) implements Operation {
    }

    record DropSequence(Origin origin, QualifiedName sequence, boolean ifExists) implements Operation {
    }

    /** PostgreSQL {@code CREATE TYPE ... AS ENUM}. */
    record CreateEnumType(Origin origin, QualifiedName type, List<String> values) implements Operation {
        public CreateEnumType {
            values = List.copyOf(values);
        }
    }

    /** {@code ALTER TYPE ... ADD VALUE}; {@code before}/{@code after} name the neighbour, null when unsaid. */
    record AddEnumValue(Origin origin, QualifiedName type, String value, String before, String after,
                        boolean ifNotExists) implements Operation {
    }

    record RenameType(Origin origin, QualifiedName from, String to) implements Operation {
    }

    /** {@code DROP TYPE}: an enum or any other user-defined type. */
    record DropType(Origin origin, QualifiedName type, boolean ifExists, boolean cascade) implements Operation {
    }

    // ---- code

    /**
     * {@code CREATE [OR REPLACE] FUNCTION / PROCEDURE / TRIGGER}, or ({@code drop}) its {@code DROP}: code defined or
     * removed, which changes no table's columns, keys or indexes. What it does runs when it is called, and a
     * {@code CALL} of a procedure the same replay defined before runs its {@code body}.
     *
     * @param body     the operations of its body when that is a list of statements the readers read, in order (a
     *                 statement guarded by a test of the catalog, {@code IF NOT EXISTS (SELECT ... FROM
     *                 information_schema...)}, counts as run); null when it is not (loops, variables, dynamic SQL,
     *                 other control flow), and for a drop
     * @param mentions the tables its body names, what a call of it may change; the variables a {@code SELECT ... INTO}
     *                 fills are not tables
     */
    record Routine(Origin origin, RoutineKind kind, QualifiedName name, boolean drop, List<Operation> body,
                   List<QualifiedName> mentions) implements Operation {
        public Routine {
            body = body == null ? null : List.copyOf(body);
            mentions = List.copyOf(mentions);
        }
    }

    enum RoutineKind {
        FUNCTION, PROCEDURE, TRIGGER
    }

    // ---- data and options

    /**
     * A statement that writes rows. {@code columns}: what an INSERT names or an UPDATE sets, empty when unsaid.
     *
     * @param hasWhere a DELETE or UPDATE limited by a WHERE (always false for INSERT, TRUNCATE, MERGE)
     * @param copy     for {@code INSERT INTO t (cols) SELECT exprs FROM one_table}: where each column comes from;
     *                 null for any other statement
     * @param values   for an UPDATE, each column it sets with what it is set to: a column's name, unquoted, or the
     *                 expression's text; empty when not read
     * @param reads    the other tables the statement reads rows of (its {@code FROM}, {@code JOIN}s and subqueries), as
     *                 far as they are read: what ties the table it writes to them
     * @param derived  the columns an UPDATE sets from their own old value ({@code n = n + 1},
     *                 {@code name = lower(name)}, {@code flag = NOT flag}), each with that expression: changed in
     *                 place, not overwritten
     */
    record DataChange(Origin origin, DataKind kind, QualifiedName table, List<String> columns, boolean hasWhere,
                      Copy copy, Map<String, String> values, List<QualifiedName> reads, Map<String, String> derived)
            implements Operation {
        public DataChange {
            columns = List.copyOf(columns);
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            reads = List.copyOf(reads);
            derived = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derived));
        }

        /** A statement read no further than the rows it writes. */
        public DataChange(Origin origin, DataKind kind, QualifiedName table, List<String> columns, boolean hasWhere,
                          Copy copy) {
            this(origin, kind, table, columns, hasWhere, copy, Map.of(), List.of(), Map.of());
        }

        /** A statement whose values and reads are known, that sets no column from its own value. */
        public DataChange(Origin origin, DataKind kind, QualifiedName table, List<String> columns, boolean hasWhere,
                          Copy copy, Map<String, String> values, List<QualifiedName> reads) {
            this(origin, kind, table, columns, hasWhere, copy, values, reads, Map.of());
        }

        /** An UPDATE known only by the columns it computes from their own old value. */
        public DataChange(Origin origin, DataKind kind, QualifiedName table, List<String> columns, boolean hasWhere,
                          Copy copy, Map<String, String> derived) {
            this(origin, kind, table, columns, hasWhere, copy, Map.of(), List.of(), derived);
        }
    }

    /**
     * The rows an {@code INSERT ... SELECT} copies from one table.
     *
     * @param columns each target column with the source column (unquoted) or expression it is filled from, in order
     */
    record Copy(QualifiedName from, Map<String, String> columns) {
        public Copy {
            columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        }
    }

    enum DataKind {
        INSERT, UPDATE, DELETE, TRUNCATE, MERGE
    }

    /**
     * MySQL's {@code ALGORITHM=} and {@code LOCK=} of an {@code ALTER TABLE} or {@code CREATE INDEX}: they apply to the
     * other operations of the same statement (same {@link Origin}); null when unsaid.
     */
    record LockOptions(Origin origin, QualifiedName table, String algorithm, String lock) implements Operation {
    }

    /**
     * Storage options of a table that leave its columns, keys and indexes as they are: MySQL {@code ENGINE=},
     * {@code CONVERT TO CHARACTER SET}, {@code ROW_FORMAT=}, {@code AUTO_INCREMENT=}; PostgreSQL {@code SET (...)},
     * {@code SET TABLESPACE}. In MySQL, {@code ENGINE=} and {@code CONVERT TO} copy the whole table.
     *
     * @param options the clause as written ({@code ENGINE = InnoDB})
     */
    record TableOptions(Origin origin, QualifiedName table, String options) implements Operation {
    }

    /**
     * What could not be read as a schema change: procedural code, dynamic SQL, statements outside the model, or text
     * no reader understood. A replay marks what it mentions as unknown, and rules say nothing about it.
     *
     * @param summary  the first words of the statement ({@code DO}, {@code CREATE FUNCTION}), for reports
     * @param mentions the tables it names, when they can be found; empty when not
     * @param calls    the routine a {@code CALL} runs, which a replay that saw it defined reads instead; null for any
     *                 other statement
     */
    record Opaque(Origin origin, OpaqueKind kind, String summary, List<QualifiedName> mentions, QualifiedName calls)
            implements Operation {
        public Opaque {
            mentions = List.copyOf(mentions);
        }

        public Opaque(Origin origin, OpaqueKind kind, String summary, List<QualifiedName> mentions) {
            this(origin, kind, summary, mentions, null);
        }
    }

    /** Why a statement is opaque; the first four cannot change a table's columns, keys or indexes. */
    enum OpaqueKind {
        /** COMMENT ON. */
        COMMENT,
        /** GRANT, REVOKE, ALTER ... OWNER TO, row-level security policies. */
        PRIVILEGE,
        /** SET, BEGIN/COMMIT, USE, a session or transaction statement. */
        SESSION,
        /** A plain query (SELECT without a function call that could change anything). */
        QUERY,
        /**
         * DO blocks, CALL/EXECUTE, SELECT of a function, code objects other than a {@link Routine}: code we do not
         * run.
         */
        PROCEDURAL,
        /** Another kind of object: an extension, a schema, a domain, a rule, a statistics object... */
        OTHER_OBJECT,
        /** A statement the readers did not understand. */
        UNREAD
    }
}
