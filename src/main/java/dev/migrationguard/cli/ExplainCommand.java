package dev.migrationguard.cli;

import dev.migrationguard.rules.RuleCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code explain <rule>}: prints the rule's page. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print a rule's rationale, examples and how to fix or suppress it.")
final class ExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "<rule>", description = "A rule id, as listed by 'rules'.")
    String rule;

    @Override
    public Integer call() {
        var doc = RuleCatalog.documentation(rule);
        if (RuleCatalog.find(rule).isEmpty() || doc.isEmpty()) {
            spec.commandLine().getErr().println("migration-guard: unknown rule '" + rule + "'. Known rules: "
                    + String.join(", ", RuleCatalog.ids()));
            return ExitCodes.CANNOT_JUDGE;
        }
        spec.commandLine().getOut().print(doc.get());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
