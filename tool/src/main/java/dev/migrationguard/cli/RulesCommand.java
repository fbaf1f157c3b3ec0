package dev.migrationguard.cli;

import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.analysis.RuleMeta;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code rules}: one line per rule: id, default severity, summary. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules.")
final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (RuleMeta m : RuleCatalog.all()) {
            out.printf("%-34s %-8s %s%n", m.id(), m.severity().id(), m.summary());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
