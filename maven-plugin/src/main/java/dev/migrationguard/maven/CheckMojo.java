package dev.migrationguard.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code check}: the CLI's {@code check --base <ref>} (the pull-request gate) or {@code check --staged} (what the next
 * commit would record), e.g. {@code mvn migration-guard:check -Dmigration-guard.base=origin/main}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY)
public class CheckMojo extends GuardMojo {
    /** Every change from the merge base of this ref and {@link #head} to {@link #head} ({@code --base}). */
    @Parameter(property = "migration-guard.base")
    String base;

    /** The tip to check with {@link #base} ({@code --head}, default HEAD). */
    @Parameter(property = "migration-guard.head")
    String head;

    /** HEAD against the index, what {@code git commit} would record ({@code --staged}). */
    @Parameter(property = "migration-guard.staged", defaultValue = "false")
    boolean staged;

    /** Report edits of deployed migrations as suppressed, with this reason ({@code --allow-deployed-edits}). */
    @Parameter(property = "migration-guard.allowDeployedEdits")
    String allowDeployedEdits;

    @Override
    List<String> commandArguments() {
        // Whichever of base and staged is given goes to the CLI as is: neither, or both, is its usage error (exit 2).
        List<String> args = new ArrayList<>(List.of("check"));
        if (staged) args.add("--staged");
        if (base != null) args.addAll(List.of("--base", base));
        if (head != null) args.addAll(List.of("--head", head));
        if (allowDeployedEdits != null) args.addAll(List.of("--allow-deployed-edits", allowDeployedEdits));
        return args;
    }
}
