package dev.migrationguard.engine;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.SchemaFact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares two sets of schema facts. A table added or removed as a whole is one change, not one per column. */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    public static List<SchemaChange> diff(List<SchemaFact> before, List<SchemaFact> after) {
        Map<String, SchemaFact> old = index(before);
        Map<String, SchemaFact> now = index(after);
        Set<String> tablesAdded = new HashSet<>();
        Set<String> tablesRemoved = new HashSet<>();
        for (SchemaFact f : now.values()) {
            if (f.isTable() && !old.containsKey(f.identity())) tablesAdded.add(f.table());
        }
        for (SchemaFact f : old.values()) {
            if (f.isTable() && !now.containsKey(f.identity())) tablesRemoved.add(f.table());
        }
        List<SchemaChange> changes = new ArrayList<>();
        for (SchemaFact f : now.values()) {
            SchemaFact was = old.get(f.identity());
            if (was == null) {
                if (f.isTable() || !tablesAdded.contains(f.table())) {
                    changes.add(new SchemaChange(SchemaChange.Kind.ADDED, null, f, f.location()));
                }
            } else if (!was.value().equals(f.value())) {
                changes.add(new SchemaChange(SchemaChange.Kind.CHANGED, was, f, f.location()));
            }
        }
        for (SchemaFact f : old.values()) {
            if (now.containsKey(f.identity())) continue;
            if (f.isTable() || !tablesRemoved.contains(f.table())) {
                changes.add(new SchemaChange(SchemaChange.Kind.REMOVED, f, null, anchorForRemoved(f, after)));
            }
        }
        return changes;
    }

    /** A removed fact has no place in the new files; point at its entity's declaration there when it still exists. */
    private static Location anchorForRemoved(SchemaFact removed, List<SchemaFact> after) {
        for (SchemaFact f : after) {
            if (f.isTable() && f.entity().equals(removed.entity())) return f.location();
        }
        return Location.file(removed.location().path());
    }

    private static Map<String, SchemaFact> index(List<SchemaFact> facts) {
        Map<String, SchemaFact> map = new LinkedHashMap<>();
        for (SchemaFact f : facts) map.putIfAbsent(f.identity(), f);
        return map;
    }
}
