package dev.migrationguard.cli;

import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.analysis.RuleMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

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
            StringBuilder message = new StringBuilder(rule == null ? "explain needs a rule id. The rules:"
                    : "unknown rule '" + rule + "'. The rules:");
            for (RuleMeta m : RuleCatalog.all()) message.append(String.format("%n  %-34s %s", m.id(), m.summary()));
            throw new CannotJudge(message.toString());
        }
        spec.commandLine().getOut().print(doc.get());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
