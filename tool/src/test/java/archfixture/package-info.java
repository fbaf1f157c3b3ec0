/**
 * Deliberately wrong classes, never run: each commits one of the cycles or sideways uses that issue 9 found on main
 * (a rule importing the engine's analysis while the engine imports the rule, configuration calling the rule catalog,
 * Flyway reaching into JPA for a parser, the database ledger into Liquibase, TypeScript into the configuration),
 * several through fully qualified names. ArchitectureTest shows that each package rule fails on them.
 */
package archfixture;
