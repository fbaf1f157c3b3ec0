package dev.migrationguard.stacks;

import dev.migrationguard.config.Config;
import dev.migrationguard.engine.Engine;
import dev.migrationguard.flyway.FlywayAdvisor;
import dev.migrationguard.flyway.FlywayMigrationReader;
import dev.migrationguard.jpa.JpaEntityReader;
import dev.migrationguard.jpa.JpaNaming;
import dev.migrationguard.liquibase.LiquibaseAdvisor;
import dev.migrationguard.liquibase.LiquibaseMigrationReader;
import dev.migrationguard.spring.SpringSettingsReader;

import java.util.List;

/** Every stack migration-guard supports, wired with the run's configuration. The one place that knows them all. */
public final class SupportedStacks {
    private SupportedStacks() {
    }

    public static Engine.Stacks of(Config config) {
        JpaNaming naming = config.naming().equals("hibernate") ? JpaNaming.HIBERNATE : JpaNaming.SPRING;
        return new Engine.Stacks(List.of(new JpaEntityReader(naming)),
                List.of(new FlywayMigrationReader(), new LiquibaseMigrationReader()),
                List.of(new SpringSettingsReader()),
                List.of(new FlywayAdvisor(), new LiquibaseAdvisor(config.liquibaseMasters())));
    }
}
