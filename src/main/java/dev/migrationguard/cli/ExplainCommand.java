package dev.migrationguard.cli;

import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.rules.RuleMeta;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code explain <rule>}: prints the rule's page; without a known rule, every rule id to choose from. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print a rule's rationale, examples and how to fix or suppress it.")
final class ExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "<rule>", arity = "0..1", description = "A rule id, as listed by 'rules'.")
    String rule;

    @Override
    public Integer call() {
        String id = rule == null ? null : rule.strip().toLowerCase(Locale.ROOT);
        Optional<String> doc = id == null ? Optional.empty() : RuleCatalog.documentation(id);
        if (id == null || RuleCatalog.find(id).isEmpty() || doc.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(rule == null ? "migration-guard: explain needs a rule id. The rules:"
                    : "migration-guard: unknown rule '" + rule + "'. The rules:");
            for (RuleMeta m : RuleCatalog.all()) err.printf("  %-34s %s%n", m.id(), m.summary());
            err.flush();
            return ExitCodes.CANNOT_JUDGE;
        }
        spec.commandLine().getOut().print(doc.get());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
