package dev.migrationguard.jpa;

import java.util.Locale;

/**
 * How logical JPA names become physical table and column names: Spring Boot's default strategy, or Hibernate's own
 * default that keeps names as written.
 */
public enum JpaNaming {
    /** Spring Boot's {@code CamelCaseToUnderscoresNamingStrategy}: applied to explicit names too. */
    SPRING,
    /** Hibernate's {@code PhysicalNamingStrategyStandardImpl}: names unchanged. */
    HIBERNATE;

    /** The physical name of a logical (explicit or implicit) table or column name. */
    public String physical(String logical) {
        if (this == HIBERNATE || logical.isEmpty() || isQuoted(logical)) return logical;
        // The same three-character test as Spring's strategy: an underscore only where lower, upper, lower meet.
        StringBuilder b = new StringBuilder(logical.replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            if (Character.isLowerCase(b.charAt(i - 1)) && Character.isUpperCase(b.charAt(i))
                    && Character.isLowerCase(b.charAt(i + 1))) {
                b.insert(i++, '_');
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The implicit name of an owning association's join table: Spring uses the owner's property, Hibernate the target
     * table.
     */
    String implicitJoinTable(String ownerTable, String ownerProperty, String targetTable) {
        return this == SPRING ? physical(ownerTable + "_" + ownerProperty) : ownerTable + "_" + targetTable;
    }

    private static boolean isQuoted(String name) {
        return name.length() > 1 && (name.charAt(0) == '`' || name.charAt(0) == '"');
    }
}
