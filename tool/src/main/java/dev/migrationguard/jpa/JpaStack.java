package dev.migrationguard.jpa;

import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.stack.Stack;

import java.util.List;
import java.util.Locale;

/**
 * JPA and Hibernate entities ({@code jakarta.persistence}, {@code javax.persistence}), named as the configured
 * strategy names them ({@code entities.naming}: {@code spring}, Spring Boot's default, or {@code hibernate}); with
 * {@code entities.validation-ddl: true}, Bean Validation constraints count in the physical schema.
 */
public final class JpaStack implements Stack {
    public static final String ID = "jpa";
    static final String NAMING = "entities.naming";
    static final String VALIDATION_DDL = "entities.validation-ddl";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> options() {
        return List.of(NAMING, VALIDATION_DDL);
    }

    @Override
    public Parts parts(OptionValues options) {
        return new Parts(List.of(new JpaEntityReader(naming(options), validationDdl(options))), List.of(), List.of(), List.of());
    }

    /** Whether Bean Validation constraints reach the DDL, as {@code hibernate.validator.apply_to_ddl} makes them. */
    static boolean validationDdl(OptionValues options) {
        String value = options.string(VALIDATION_DDL).map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new OptionValues.BadOption(VALIDATION_DDL, VALIDATION_DDL + " must be true or false, not '"
                    + value + "'");
        };
    }

    static JpaNaming naming(OptionValues options) {
        String naming = options.string(NAMING).map(v -> v.toLowerCase(Locale.ROOT)).orElse("spring");
        return switch (naming) {
            case "spring" -> JpaNaming.SPRING;
            case "hibernate" -> JpaNaming.HIBERNATE;
            default -> throw new OptionValues.BadOption(NAMING, NAMING + " must be spring or hibernate, not '"
                    + naming + "'");
        };
    }
}
