package dev.migrationguard.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.stack.DeployedLedger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code migrations.lock}: every deployed migration (a Flyway or TypeORM file, a Liquibase changeSet) with the SHA-256
 * of its checksum-relevant content. One entry per line, sorted by id, so that a diff shows exactly what changed.
 */
public final class LockFile implements DeployedLedger {
    static final int FORMAT = 1;
    private final String path;
    private final List<Entry> entries;

    private LockFile(String path, List<Entry> entries) {
        this.path = path;
        this.entries = List.copyOf(entries);
    }

    /** The text of a lock file for these migrations. */
    public static String write(List<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparing(Migration::id));
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"format\": ").append(FORMAT).append(",\n  \"migrations\": [");
        for (int i = 0; i < sorted.size(); i++) {
            Migration m = sorted.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    { \"id\": ").append(quote(m.id()))
                    .append(", \"stack\": ").append(quote(m.stack()))
                    .append(", \"sha256\": ").append(quote(m.digest())).append(" }");
        }
        b.append(sorted.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /**
     * The lock file at {@code path} of the checked side, when it has one. One too large to read stops the run: without
     * it, every deployed migration it records would go unchecked.
     *
     * @param stacks the ids of the stacks whose migrations it may record
     */
    public static DeployedLedger.Source source(String path, Set<String> stacks) {
        return (cs, migrationsOf) -> {
            Optional<String> text;
            try {
                text = cs.after().readText(path);
            } catch (FileTooLarge e) {
                throw new CannotJudge("lock file " + path + " is over the limit of " + e.limit() / (1024 * 1024)
                        + " MiB on a file migration-guard reads (--max-file-size <MiB> raises it)");
            }
            return text.map(t -> read(path, t, stacks));
        };
    }

    /**
     * Reads a lock file; a malformed one stops the run (exit 2) with its line, as bad configuration does.
     *
     * @param stacks the ids of the stacks whose migrations it may record
     */
    public static LockFile read(String path, String content, Set<String> stacks) {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw bad(path, p, "a lock file is a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("format")) {
                    if (p.getValueAsInt(-1) != FORMAT) throw bad(path, p, "unknown lock file format " + p.getText());
                } else if (field.equals("migrations")) {
                    if (p.currentToken() != JsonToken.START_ARRAY) throw bad(path, p, "migrations must be a list");
                    while (p.nextToken() == JsonToken.START_OBJECT) entries.add(entry(path, p, stacks));
                } else {
                    throw bad(path, p, "unknown key '" + field + "' (known: format, migrations)");
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CannotJudge(path + ":" + (at == null ? 1 : at.getLineNr()) + ": not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CannotJudge(path + ": cannot be read: " + e.getMessage());
        }
        return new LockFile(path, entries);
    }

    private static Entry entry(String path, JsonParser p, Set<String> stacks) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        String id = null;
        String stack = null;
        String sha = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = p.getValueAsString();
                case "stack" -> stack = p.getValueAsString();
                case "sha256" -> sha = p.getValueAsString();
                default -> throw bad(path, p, "unknown key '" + field + "' in a lock entry (known: id, stack, sha256)");
            }
        }
        if (id == null || stack == null || sha == null) {
            throw new CannotJudge(path + ":" + line + ": a lock entry needs id, stack and sha256");
        }
        String s = stack.toLowerCase(Locale.ROOT);
        if (!stacks.contains(s)) throw new CannotJudge(path + ":" + line + ": unknown stack '" + stack + "'");
        if (s.equals("typeorm") && (id.endsWith(".ts") || id.endsWith(".js"))) {
            // Read on, such an entry would report every TypeORM migration as deleted.
            throw new CannotJudge(path + ":" + line + ": TypeORM entry '" + id + "' is keyed by its file, as older "
                    + "versions wrote it; TypeORM migrations are now keyed by the name TypeORM records and hashed over "
                    + "what up() and down() run: run `migration-guard lock` on the deployed commit and commit the new "
                    + "lock file");
        }
        return new Entry(s, id, sha, Location.at(path, line, 5));
    }

    private static CannotJudge bad(String path, JsonParser p, String message) {
        return new CannotJudge(path + ":" + p.currentTokenLocation().getLineNr() + ": " + message);
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public boolean records(Entry entry, Migration m) {
        return entry.stack().equals(m.stack()) && entry.name().equals(m.id());
    }

    @Override
    public Set<String> keys(Entry entry) {
        return Set.of(entry.stack() + ":" + entry.name());
    }

    @Override
    public Set<String> keys(Migration m) {
        return Set.of(m.stack() + ":" + m.id());
    }

    @Override
    public boolean matches(Entry entry, Migration m) {
        return entry.checksum().equalsIgnoreCase(m.digest());
    }
}
