package dev.migrationguard.typeorm;

import dev.migrationguard.model.Location;
import dev.migrationguard.typescript.TsNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A class TypeORM runs as a migration (one implementing {@code MigrationInterface}), with the name its
 * {@code migrations} table records: the {@code name} property, else the class name. The timestamp TypeORM orders by is
 * the last 13 characters of that name.
 *
 * @param nameAt where the name is written: the {@code name} property, else the class
 */
record MigrationClass(TsNode.ClassDecl decl, String name, Location nameAt) {
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{13}");

    /** The migration classes of a file, in source order. */
    static List<MigrationClass> in(TsNode.Module module, String path) {
        Map<String, TsNode> constants = TsValues.constants(module.body());
        List<MigrationClass> out = new ArrayList<>();
        for (TsNode.ClassDecl c : module.classes()) {
            if (!c.implementsNames().contains("MigrationInterface")) continue;
            TsNode.Field named = field(c, "name");
            String name = named == null ? null : TsValues.string(named.value(), constants, null).orElse(null);
            if (name != null && !name.isBlank()) {
                out.add(new MigrationClass(c, name, Location.at(path, named.line(), named.column())));
            } else if (c.name() != null) {
                out.add(new MigrationClass(c, c.name(), Location.at(path, c.line(), c.column())));
            }
        }
        return out;
    }

    /** The 13 digits that end the name, or null when it does not end so (TypeORM then refuses to run it). */
    String timestamp() {
        if (name.length() < 13) return null;
        String tail = name.substring(name.length() - 13);
        return TIMESTAMP.matcher(tail).matches() ? tail : null;
    }

    /** The name without its timestamp: what a person reads ({@code AddUserEmail}). */
    String description() {
        return timestamp() == null ? name : name.substring(0, name.length() - 13);
    }

    /** The class's {@code transaction} property when it is written as {@code true} or {@code false}. */
    TsNode.Field transaction() {
        TsNode.Field f = field(decl, "transaction");
        return f != null && f.value() instanceof TsNode.Bool ? f : null;
    }

    TsNode.Method method(String wanted) {
        for (TsNode m : decl.members()) {
            if (m instanceof TsNode.Method method && wanted.equals(method.name()) && !method.isStatic()) return method;
        }
        return null;
    }

    static TsNode.Field field(TsNode.ClassDecl c, String wanted) {
        for (TsNode m : c.members()) {
            if (m instanceof TsNode.Field f && wanted.equals(f.name()) && !f.isStatic() && f.value() != null) return f;
        }
        return null;
    }
}
