package dev.migrationguard.typeorm;

import java.util.Locale;

/**
 * How TypeORM names tables and columns. {@link #DEFAULT} follows TypeORM's DefaultNamingStrategy; {@link #SNAKE}
 * follows the widely used SnakeNamingStrategy (typeorm-naming-strategies), where columns are snake_case too.
 */
public enum TypeOrmNaming {
    DEFAULT, SNAKE;

    String tableName(String className, String given) {
        return given != null ? given : snakeCase(className);
    }

    String columnName(String property, String embeddedPrefix) {
        String base = this == SNAKE ? snakeCase(property) : property;
        if (embeddedPrefix == null || embeddedPrefix.isEmpty()) return base;
        return this == SNAKE ? embeddedPrefix + "_" + base : camelCase(embeddedPrefix + "_" + property);
    }

    String embeddedPrefix(String outer, String prefix) {
        if (prefix == null || prefix.isEmpty()) return outer;
        String own = this == SNAKE ? snakeCase(prefix) : prefix;
        if (outer == null || outer.isEmpty()) return own;
        return this == SNAKE ? outer + "_" + own : camelCase(outer + "_" + own);
    }

    String joinColumnName(String relation, String referenced) {
        return this == SNAKE ? snakeCase(relation + "_" + referenced) : camelCase(relation + "_" + referenced);
    }

    String joinTableName(String ownerTable, String property, String targetTable) {
        return snakeCase(ownerTable + "_" + property + "_" + targetTable);
    }

    /**
     * A column's name: {@code given} ({@code @Column({ name })}) or the property's, after the embedded prefix
     * (DefaultNamingStrategy: {@code camelCase(prefix) + titleCase(name)}, where titleCase lowers all but the first
     * letter: {@code zipCode} in {@code home} is {@code homeZipcode}; SnakeNamingStrategy: {@code prefix_name}, a given
     * name kept as written).
     */
    String columnName(String property, String given, String embeddedPrefix) {
        if (this == DEFAULT) {
            String name = given != null ? given : property;
            if (embeddedPrefix == null || embeddedPrefix.isEmpty()) return name;
            return camelCase(embeddedPrefix) + (name.isEmpty() ? "" : Character.toUpperCase(name.charAt(0))
                    + name.substring(1).toLowerCase(Locale.ROOT));
        }
        String name = given != null ? given : snakeCase(property);
        return embeddedPrefix == null || embeddedPrefix.isEmpty() ? name : embeddedPrefix + "_" + name;
    }

    /** A junction table's column for a key column of one side: {@code <table>_<column>}, camelCased or snake_cased. */
    String joinTableColumnName(String table, String column) {
        return this == SNAKE ? snakeCase(table + "_" + column) : camelCase(table + "_" + column);
    }

    String closureTable(String table) {
        return table + "_closure";
    }

    /** TypeORM's StringUtils.snakeCase. */
    static String snakeCase(String s) {
        return s.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    /** TypeORM's StringUtils.camelCase: words joined, each after the first capitalised. */
    static String camelCase(String s) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' || c == '-' || c == ' ') {
                upper = b.length() > 0;
                continue;
            }
            b.append(upper ? Character.toUpperCase(c) : (b.length() == 0 ? Character.toLowerCase(c) : c));
            upper = false;
        }
        return b.toString();
    }
}
