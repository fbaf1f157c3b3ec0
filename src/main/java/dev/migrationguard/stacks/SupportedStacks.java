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
import dev.migrationguard.typeorm.TsSources;
import dev.migrationguard.typeorm.TypeOrmAdvisor;
import dev.migrationguard.typeorm.TypeOrmEntityReader;
import dev.migrationguard.typeorm.TypeOrmMigrationReader;
import dev.migrationguard.typeorm.TypeOrmNaming;
import dev.migrationguard.typeorm.TypeOrmSettingsReader;

import java.util.List;

/** Every stack migration-guard supports, wired with the run's configuration. The one place that knows them all. */
public final class SupportedStacks {
    private SupportedStacks() {
    }

    public static Engine.Stacks of(Config config) {
        JpaNaming naming = config.naming().equals("hibernate") ? JpaNaming.HIBERNATE : JpaNaming.SPRING;
        TypeOrmNaming typeormNaming = config.typeormNaming().equals("snake") ? TypeOrmNaming.SNAKE
                : TypeOrmNaming.DEFAULT;
        // One parse cache for the TypeORM readers: an entity, a base class or a data source is parsed once per run.
        TsSources typescript = new TsSources();
        return new Engine.Stacks(
                List.of(new JpaEntityReader(naming), new TypeOrmEntityReader(typescript, typeormNaming)),
                List.of(new FlywayMigrationReader(), new LiquibaseMigrationReader(), new TypeOrmMigrationReader(typescript)),
                List.of(new SpringSettingsReader(), new TypeOrmSettingsReader(typescript)),
                List.of(new FlywayAdvisor(), new LiquibaseAdvisor(config.liquibaseMasters()), new TypeOrmAdvisor()));
    }
}
