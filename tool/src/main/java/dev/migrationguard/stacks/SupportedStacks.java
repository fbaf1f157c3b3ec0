package dev.migrationguard.stacks;

import dev.migrationguard.flyway.FlywayStack;
import dev.migrationguard.jpa.JpaStack;
import dev.migrationguard.liquibase.LiquibaseStack;
import dev.migrationguard.spring.SpringStack;
import dev.migrationguard.sqlfolders.SqlFolderStack;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.typeorm.TypeOrmStack;

import java.util.List;

/**
 * Every stack migration-guard supports: the one place that knows them all. A stack is added here by one line. The
 * order is the order their readers and advisors run in (the first advisor that knows the project's migrations speaks).
 */
public final class SupportedStacks {
    public static final List<Stack> ALL = List.of(
            new JpaStack(),
            new SpringStack(),
            new FlywayStack(),
            new LiquibaseStack(),
            new TypeOrmStack(),
            new SqlFolderStack());

    private SupportedStacks() {
    }
}
