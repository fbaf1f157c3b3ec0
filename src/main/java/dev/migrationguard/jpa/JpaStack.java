package dev.migrationguard.jpa;

import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.stack.Stack;

import java.util.List;
import java.util.Locale;

/**
 * JPA and Hibernate entities ({@code jakarta.persistence}, {@code javax.persistence}), named as the configured
 * strategy names them ({@code entities.naming}: {@code spring}, Spring Boot's default, or {@code hibernate}).
 */
public final class JpaStack implements Stack {
    public static final String ID = "jpa";
    static final String NAMING = "entities.naming";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> options() {
        return List.of(NAMING);
    }

    @Override
    public Parts parts(OptionValues options) {
        return new Parts(List.of(new JpaEntityReader(naming(options))), List.of(), List.of(), List.of());
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
