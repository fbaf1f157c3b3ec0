package dev.migrationguard.typeorm;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TypeScript;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The naming strategy a project's production data sources set in code ({@code namingStrategy: new
 * SnakeNamingStrategy()}), for a run whose configuration names none: a project is snake_case when every production
 * data source of it sets a snake strategy, TypeORM's default otherwise (one that sets none, or another strategy, which
 * the tool cannot follow).
 */
final class DataSourceNaming {
    private DataSourceNaming() {
    }

    /** The snake_case projects of a snapshot, by project folder ({@code ""} for the root); any other is the default. */
    static Map<String, TypeOrmNaming> byProject(Snapshot side, TsSources sources) {
        Map<String, Boolean> snake = new HashMap<>();
        for (DataSources.DataSource d : DataSources.find(side, sources)) {
            if (!d.production()) continue;
            boolean says = snake(side, sources, d.at());
            snake.merge(d.project(), says, Boolean::logicalAnd);
        }
        Map<String, TypeOrmNaming> out = new HashMap<>();
        snake.forEach((project, all) -> {
            if (all) out.put(project, TypeOrmNaming.SNAKE);
        });
        return out;
    }

    /** Whether the options object whose {@code migrations} option is written at {@code at} sets a snake strategy. */
    private static boolean snake(Snapshot side, TsSources sources, Location at) {
        if (at == null || at.isWholeFile()) return false;
        Optional<TypeScript.Parsed> parsed = sources.parse(side, at.path());
        if (parsed.isEmpty() || parsed.get().module() == null) return false;
        boolean[] found = {false};
        parsed.get().module().walk(n -> {
            if (!(n instanceof TsNode.Obj o)) return;
            Optional<TsNode.Prop> migrations = o.prop("migrations");
            if (migrations.isEmpty() || migrations.get().line() != at.line()
                    || migrations.get().column() != at.column()) {
                return;
            }
            TsNode strategy = o.prop("namingStrategy").map(TsNode.Prop::value).orElse(null);
            if (strategy instanceof TsNode.New created && created.callee() instanceof TsNode.Ident name) {
                // typeorm-naming-strategies' SnakeNamingStrategy, or a project's own class of that name and meaning
                found[0] = name.name().toLowerCase(Locale.ROOT).contains("snake");
            }
        });
        return found[0];
    }
}
