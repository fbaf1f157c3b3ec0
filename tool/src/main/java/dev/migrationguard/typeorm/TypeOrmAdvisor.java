package dev.migrationguard.typeorm;

import dev.migrationguard.stack.MigrationAdvisor;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * For a TypeORM entity change: the command that generates the migration, into the folder where the project's
 * migrations live (the newest one's folder, else {@code src/migrations}).
 */
public final class TypeOrmAdvisor implements MigrationAdvisor {
    static final String DEFAULT_FOLDER = "src/migrations";

    @Override
    public Optional<String> advise(SchemaChange change, String suggestedName, Snapshot after) {
        if (change == null || change.location() == null || !change.location().path().endsWith(".ts")) {
            return Optional.empty();
        }
        String newest = null;
        String folder = DEFAULT_FOLDER;
        for (String path : after.paths()) {
            Matcher m = TypeOrmMigrationReader.FILE.matcher(Text.fileName(path));
            if (!m.matches()) continue;
            if (newest == null || m.group(1).compareTo(newest) > 0) {
                newest = m.group(1);
                int slash = path.lastIndexOf('/');
                folder = slash < 0 ? "." : path.substring(0, slash);
            }
        }
        return Optional.of("npm run migration:generate -- " + folder + "/" + suggestedName);
    }
}
