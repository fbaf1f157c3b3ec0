package dev.migrationguard.model;

import dev.migrationguard.model.ops.Operation;

import java.util.List;
import java.util.Locale;

/**
 * One migration as the tool understands it, whatever the stack: where it is, what it is called, which tables its
 * forward part touches, whether it has a way back, and a checksum over the content its runner compares.
 *
 * @param id          identity across versions: the path for file-based migrations, {@code file::id::author} for a
 *                    Liquibase changeSet
 * @param stack       the id of the stack that read it ({@code flyway}, {@code liquibase}, {@code typeorm}): how a
 *                    lock file records it, and how the tool finds what its migration tool says of it
 * @param description the human part of its name, as written ({@code Add_contest_divisions}, {@code AddDivisions})
 * @param descriptionLocation where the name is written, or the whole file when it is the file name
 * @param touches     the tables (and columns) the forward part creates, alters, renames or drops
 * @param rollback    what the tool knows of its way back
 * @param checksum    over the content the runner itself checks; two versions with equal checksums are the same
 *                    migration to the runner (Flyway's CRC32 ignores line endings, for instance)
 * @param digest      SHA-256 (hex) over the same checksum-relevant content: what a lock file records
 * @param acceptedEdits edits of the deployed version that the runner accepts ({@code runOnChange}, {@code validCheckSum})
 * @param dependsOn   other files whose content its checksum covers (the file a Liquibase {@code sqlFile} names)
 * @param operations  what it does to the schema, in order, each with its side (up, down, rollback, undo); empty when
 *                    its reader was asked only for its identity or reads no operations
 * @param runner      what its runner does with it besides running it (transaction, order, database, contexts)
 */
public record Migration(String id, String path, String stack, Kind kind, String version, String description,
                        Location descriptionLocation, List<Touch> touches, Rollback rollback, String checksum,
                        String digest, AcceptedEdits acceptedEdits, List<String> dependsOn,
                        List<Operation> operations, RunnerFacts runner) {

    public Migration {
        touches = List.copyOf(touches);
        if (digest == null) digest = Digests.sha256("checksum:" + checksum);
        if (acceptedEdits == null) acceptedEdits = AcceptedEdits.NONE;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        operations = operations == null ? List.of() : List.copyOf(operations);
        if (runner == null) runner = RunnerFacts.NONE;
    }

    /** A migration whose runner facts are all unsaid. */
    public Migration(String id, String path, String stack, Kind kind, String version, String description,
                     Location descriptionLocation, List<Touch> touches, Rollback rollback, String checksum,
                     String digest, AcceptedEdits acceptedEdits, List<String> dependsOn,
                     List<Operation> operations) {
        this(id, path, stack, kind, version, description, descriptionLocation, touches, rollback, checksum, digest,
                acceptedEdits, dependsOn, operations, RunnerFacts.NONE);
    }

    /** A migration of which no operation is read. */
    public Migration(String id, String path, String stack, Kind kind, String version, String description,
                     Location descriptionLocation, List<Touch> touches, Rollback rollback, String checksum,
                     String digest, AcceptedEdits acceptedEdits, List<String> dependsOn) {
        this(id, path, stack, kind, version, description, descriptionLocation, touches, rollback, checksum, digest,
                acceptedEdits, dependsOn, List.of());
    }

    /** A migration whose checksum covers its own file only. */
    public Migration(String id, String path, String stack, Kind kind, String version, String description,
                     Location descriptionLocation, List<Touch> touches, Rollback rollback, String checksum,
                     String digest, AcceptedEdits acceptedEdits) {
        this(id, path, stack, kind, version, description, descriptionLocation, touches, rollback, checksum, digest,
                acceptedEdits, List.of());
    }

    /** A migration whose runner accepts no edit, its digest taken over its checksum. */
    public Migration(String id, String path, String stack, Kind kind, String version, String description,
                     Location descriptionLocation, List<Touch> touches, Rollback rollback, String checksum) {
        this(id, path, stack, kind, version, description, descriptionLocation, touches, rollback, checksum, null,
                AcceptedEdits.NONE);
    }

    /** This migration with its operations read. */
    public Migration withOperations(List<Operation> ops) {
        return new Migration(id, path, stack, kind, version, description, descriptionLocation, touches, rollback,
                checksum, digest, acceptedEdits, dependsOn, ops, runner);
    }

    /** This migration with what its runner does with it. */
    public Migration withRunner(RunnerFacts facts) {
        return new Migration(id, path, stack, kind, version, description, descriptionLocation, touches, rollback,
                checksum, digest, acceptedEdits, dependsOn, operations, facts);
    }

    public enum Kind {
        VERSIONED, UNDO, REPEATABLE, BASELINE, CHANGESET
    }

    /** One table (and optionally column) that a statement acts on. */
    public record Touch(String table, String column, String action) {
    }

    /** Does the forward part touch this table? Names compare case-insensitively, quotes and schema dropped, in
     *  either naming form ({@code contest_division} and {@code ContestDivision} are the same table). */
    public boolean touchesTable(String table) {
        String wanted = normalizeTable(table);
        for (Touch t : touches) {
            if (normalizeTable(t.table()).equals(wanted)) return true;
        }
        return false;
    }

    /** Lower case, without quotes, brackets, backticks, schema prefix or underscores. */
    public static String normalizeTable(String name) {
        String n = name.trim();
        int dot = n.lastIndexOf('.');
        if (dot >= 0) n = n.substring(dot + 1);
        StringBuilder b = new StringBuilder(n.length());
        for (char c : n.toCharArray()) {
            if (c == '"' || c == '`' || c == '[' || c == ']' || c == '_') continue;
            b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
