package dev.migrationguard.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/** {@code lint}: the CLI's {@code lint [paths]}, the whole work tree by default; binds to {@code verify}. */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY)
public class LintMojo extends GuardMojo {
    /** Files or folders to lint, comma-separated; relative ones are under the project's folder. Default: all. */
    @Parameter(property = "migration-guard.paths")
    List<String> paths = new ArrayList<>();

    @Override
    List<String> commandArguments() {
        List<String> args = new ArrayList<>(List.of("lint"));
        for (String p : paths) args.add(underProject(p).toString());
        return args;
    }
}
