package dev.migrationguard.cli;

import dev.migrationguard.config.Config;
import dev.migrationguard.engine.Engine;

import java.util.List;

/** Which readers and advisors a run uses: every stack migration-guard supports, configured. */
final class StackWiring {
    private StackWiring() {
    }

    static Engine.Stacks stacks(Config config) {
        return new Engine.Stacks(List.of(), List.of(), List.of(), List.of());
    }
}
