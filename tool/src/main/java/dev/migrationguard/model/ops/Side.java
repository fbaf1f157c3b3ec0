package dev.migrationguard.model.ops;

/**
 * Which part of a migration an operation belongs to: the forward part, or one of the ways back each runner names
 * (TypeORM's {@code down()}, a Liquibase {@code rollback}, a Flyway {@code U} script).
 */
public enum Side {
    UP, DOWN, ROLLBACK, UNDO
}
