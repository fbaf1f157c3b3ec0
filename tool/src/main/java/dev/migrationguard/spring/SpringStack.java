package dev.migrationguard.spring;

import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.stack.Stack;

import java.util.List;

/** Spring Boot's {@code application*.properties} and {@code application*.yml}: the Hibernate {@code ddl-auto} settings. */
public final class SpringStack implements Stack {
    public static final String ID = "spring";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Parts parts(OptionValues options) {
        return new Parts(List.of(), List.of(), List.of(new SpringSettingsReader()), List.of());
    }
}
