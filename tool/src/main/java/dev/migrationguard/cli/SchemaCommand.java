package dev.migrationguard.cli;

import dev.migrationguard.engine.DialectChoice;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.replay.ReplayedSet;
import dev.migrationguard.replay.SchemaJson;
import dev.migrationguard.replay.SchemaText;
import dev.migrationguard.replay.SetReplayer;
import dev.migrationguard.report.Report;
import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.stack.StackSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code schema [--ref <ref>]}: the schema each migration set builds, replayed from its operations without a database.
 * Without {@code --ref} it reads the work tree, as {@code lint} does (what a person is editing); with it, the ref's
 * tree from git objects.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the schema the migrations build, replayed without a database.")
final class SchemaCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Option(names = "--ref", paramLabel = "<ref>", description = "Replay the migrations of this commit, branch or tag "
            + "(default: the work tree).")
    String ref;

    @Option(names = "--format", paramLabel = "<format>", description = "text (default) or json.")
    String format = "text";

    @Option(names = "--output", paramLabel = "<file>", description = "Write the schema to this file instead of stdout.")
    Path output;

    @Option(names = "--dialect", paramLabel = "<database>", description = "The database of a migration set whose "
            + "configuration names none: postgres, mysql, mariadb, sqlite, mssql, oracle or h2 (default: dialect: in "
            + "the configuration, else what the project's settings name, else postgres).")
    String dialect;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CannotJudge("unknown --format '" + format + "' for schema (known: text, json)");
        }
        Dialect chosen = dialect == null ? null : Dialect.parse(dialect).orElseThrow(() -> new CannotJudge(
                "unknown --dialect '" + dialect + "' (known: postgres, mysql, mariadb, sqlite, mssql, oracle, h2)"));
        Consumer<String> debug = debug();
        try (Run run = Run.open(spec, repository.folder(), reading)) {
            Snapshot side = ref == null ? run.repo.lint(List.of(), null).after() : run.repo.range(ref, ref, null).after();
            StackSet stacks = run.stackSet(chosen != null ? chosen : run.settings.dialect());
            Dialect fallback = chosen != null ? chosen : run.settings.dialect() != null ? run.settings.dialect()
                    : DialectChoice.of(side.paths(), stacks.settingsReaders(), path -> readable(side, path), null,
                    debug);
            SetReplayer replayer = run.replayer(true);
            List<ReplayedSet> replayed = new ArrayList<>();
            for (MigrationReader reader : stacks.migrationReaders()) {
                for (MigrationSet set : reader.sets(side)) {
                    ReplayedSet r = replayer.replay(set, fallback, side);
                    debug.accept(r.describe());
                    replayed.add(r);
                }
            }
            if (replayed.isEmpty()) debug.accept("no migration set: no stack's reader returned one for this tree");
            if (output == null) {
                StringWriter buffer = new StringWriter();
                try {
                    write(replayed, buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                spec.commandLine().getOut().print(buffer);
                spec.commandLine().getOut().flush();
            } else {
                Run.writeFile(output, "--output", out -> write(replayed, out));
            }
        }
        return ExitCodes.OK;
    }

    private void write(List<ReplayedSet> sets, Appendable out) throws IOException {
        if (format.equals("json")) {
            StringWriter json = new StringWriter();
            SchemaJson.write(Report.TOOL, Report.VERSION, sets, json);
            out.append(json.toString());
        } else {
            SchemaText.write(sets, out);
        }
    }

    /**
     * The database the project's settings name, the most surely production's first; postgres when none does. A set
     * whose own configuration names its database (TypeORM's {@code type}) does not use it.
     */
    /** A settings file's text; empty when it cannot be read, since such a file names no database. */
    private static Optional<String> readable(Snapshot side, String path) {
        try {
            return side.readText(path);
        } catch (FileTooLarge | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private Consumer<String> debug() {
        if (!reading.debug) return line -> { };
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            err.println("migration-guard: debug: " + line);
            err.flush();
        };
    }
}
