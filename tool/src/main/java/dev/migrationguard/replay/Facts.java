package dev.migrationguard.replay;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.EnumType;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Generated;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The facts of the physical model that an operation's definitions state: a column, a foreign key, a name. */
final class Facts {
    private static final Pattern INLINE_ENUM = Pattern.compile("(?is)\\s*enum\\s*\\((.*)\\)\\s*");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern NEXTVAL = Pattern.compile("(?i)^\\s*nextval\\s*\\(.*");
    private static final Pattern INCREMENT = Pattern.compile("(?i)\\bINCREMENT\\s+(?:BY\\s+)?(-?\\d+)");

    private Facts() {
    }

    /** The stored name of a table, view, sequence or type. */
    static String name(Dialect dialect, QualifiedName q) {
        return Identifiers.stored(dialect, q.name(), q.quoted());
    }

    /** The stored schema of a name, null when unqualified. */
    static String schema(Dialect dialect, QualifiedName q) {
        return q.schema() == null ? null : Identifiers.stored(dialect, q.schema(), q.quoted());
    }

    static boolean same(Dialect dialect, String a, String b) {
        return a != null && b != null && Identifiers.key(dialect, a).equals(Identifiers.key(dialect, b));
    }

    /**
     * The column a definition declares. Identity and serial columns hold no NULL; a default drawn from a sequence is
     * the serial mechanism.
     */
    static Column column(ColumnDef d, PhysicalSchema schema, Location at) {
        Dialect dialect = schema.dialect();
        SqlType type = type(d.type(), d.typeText(), schema);
        List<String> enumValues = null;
        if (d.typeText() != null) {
            Matcher m = INLINE_ENUM.matcher(d.typeText());
            if (m.matches()) {
                type = SqlType.of("enum");
                enumValues = quotedValues(m.group(1));
            }
        }
        Generated generated = generated(d.generated());
        ColumnDefault defaultValue = d.defaultValue() == null ? ColumnDefault.NONE
                : ColumnDefault.of(d.defaultValue(), d.defaultConstraint());
        // A default drawn from a sequence is the serial mechanism, however it is spelled (pg_dump writes nextval).
        if (d.defaultValue() != null && NEXTVAL.matcher(d.defaultValue()).matches() && generated.kind() == Generated.Kind.NONE) {
            generated = Generated.SEQUENCE;
            defaultValue = ColumnDefault.NONE;
        }
        boolean notNull = d.notNull() || d.primaryKey() || generated.kind() == Generated.Kind.IDENTITY_ALWAYS
                || generated.kind() == Generated.Kind.IDENTITY_BY_DEFAULT
                || generated.kind() == Generated.Kind.SEQUENCE && dialect == Dialect.POSTGRES;
        return new Column(d.name(), type, !notNull, defaultValue, generated, d.unique(), enumValues, at);
    }

    /**
     * The type as the model keeps it: the reader's, else a named enum type of the schema ({@code "mood_enum"}), else
     * unknown.
     */
    static SqlType type(SqlType read, String typeText, PhysicalSchema schema) {
        if (read != null) return read;
        if (typeText == null) return null;
        String written = typeText.strip();
        boolean array = written.endsWith("[]");
        if (array) written = written.substring(0, written.length() - 2).strip();
        String bare = written.replace("\"", "");
        int dot = bare.lastIndexOf('.');
        String typeSchema = dot > 0 ? bare.substring(0, dot) : null;
        String typeName = dot > 0 ? bare.substring(dot + 1) : bare;
        boolean quoted = written.contains("\"");
        EnumType e = schema.enumTypes().get(Identifiers.qualifiedKey(schema.dialect(),
                typeSchema == null ? null : Identifiers.stored(schema.dialect(), typeSchema, quoted),
                Identifiers.stored(schema.dialect(), typeName, quoted)));
        if (e == null) return null;
        SqlType t = SqlType.of(e.name());
        return array ? t.asArray() : t;
    }

    static Generated generated(ColumnDef.Generated g) {
        if (g == null) return Generated.NONE;
        return switch (g.kind()) {
            case IDENTITY_ALWAYS -> Generated.IDENTITY_ALWAYS;
            case IDENTITY_BY_DEFAULT -> Generated.IDENTITY_BY_DEFAULT;
            case AUTO_INCREMENT -> Generated.AUTO_INCREMENT;
            case SERIAL -> Generated.SEQUENCE;
            case STORED -> Generated.computed(g.expression(), true);
            case VIRTUAL -> Generated.computed(g.expression(), false);
        };
    }

    /**
     * A foreign key from {@code columns} of a table to the reference; without referenced columns it points at the
     * target's primary key, when the replay knows it. An unsaid action is the database's {@code NO ACTION}.
     */
    static ForeignKey foreignKey(String name, List<String> columns, ColumnDef.Reference ref, PhysicalSchema schema,
                                 Location at) {
        Dialect dialect = schema.dialect();
        String refSchema = schema(dialect, ref.table());
        String refTable = name(dialect, ref.table());
        List<String> refColumns = ref.columns();
        if (refColumns.isEmpty()) {
            Table target = schema.table(refSchema, refTable);
            refColumns = target != null && target.primaryKey() != null ? target.primaryKey().columns() : null;
        }
        return new ForeignKey(name, columns, refSchema, refTable, refColumns, action(ref.onDelete()),
                action(ref.onUpdate()), at);
    }

    private static String action(String written) {
        return written == null ? "NO ACTION" : written.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** The step of a sequence's options ({@code INCREMENT BY 5}, {@code INCREMENT 5}); null when unsaid. */
    static Long increment(String options) {
        if (options == null) return null;
        Matcher m = INCREMENT.matcher(options);
        if (!m.find()) return null;
        try {
            return Long.valueOf(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<String> quotedValues(String list) {
        List<String> values = new ArrayList<>();
        Matcher m = QUOTED.matcher(list);
        while (m.find()) values.add(m.group(1).replace("''", "'"));
        return values;
    }
}
