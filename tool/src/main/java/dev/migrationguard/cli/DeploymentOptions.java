package dev.migrationguard.cli;

import picocli.CommandLine.Option;

/** What counts as deployed for this run, laid over the configuration's {@code deployed} section. */
final class DeploymentOptions {
    @Option(names = "--deploy-ref", paramLabel = "<ref>", description = "The ref whose migrations count as deployed.")
    String deployRef;

    @Option(names = "--deployed-from", paramLabel = "<jdbc-url>", description = "Also count as deployed what this "
            + "database's migration history tables record (deployed.tables names them); read-only, SELECT only, 10 s "
            + "per step. Wins over MIGRATION_GUARD_DEPLOYED_FROM and deployed.from. Credentials: in the URL or "
            + "MIGRATION_GUARD_DB_USER / MIGRATION_GUARD_DB_PASSWORD (for a deployed.from of the repository, only to "
            + "hosts listed in MIGRATION_GUARD_DB_HOSTS).")
    String deployedFrom;
}
