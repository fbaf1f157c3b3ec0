package dev.migrationguard.stacks;

import dev.migrationguard.config.Config;
import dev.migrationguard.engine.Engine;

import java.util.List;

/** Every stack migration-guard supports, wired with the run's configuration. The one place that knows them all. */
public final class SupportedStacks {
    private SupportedStacks() {
    }

    public static Engine.Stacks of(Config config) {
        return new Engine.Stacks(List.of(), List.of(), List.of(), List.of());
    }
}
