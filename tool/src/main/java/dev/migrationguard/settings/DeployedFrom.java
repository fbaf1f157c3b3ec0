package dev.migrationguard.settings;

/**
 * The JDBC URL of a database to read as deployed, and who chose it: the person running the tool (the command line,
 * the environment, a configuration file outside the work tree) or the repository being checked, which decides what
 * to check but never where the environment's credentials go.
 *
 * @param origin             where the URL was written, for messages ({@code .migration-guard.yml:4})
 * @param chosenByRepository whether the repository chose it (a configuration file inside the work tree)
 */
public record DeployedFrom(String url, String origin, boolean chosenByRepository) {
    public DeployedFrom chosenByUser() {
        return new DeployedFrom(url, origin, false);
    }
}
