package dev.migrationguard.analysis;

import dev.migrationguard.model.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's identity, on its class: the stable id, its default severity, a one-line summary, and what the processors
 * after the rules must know of it. A processor asks these flags, never the id.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleMeta {
    String id();

    Severity severity();

    /** One line, no trailing period. */
    String summary();

    /** Option keys this rule accepts in the configuration, besides {@code severity}. */
    String[] options() default {};

    /**
     * Whether its findings are edits of deployed migrations: an edit listed in {@code allowed-edits}, or allowed for
     * the run ({@code --allow-deployed-edits}), is then reported as suppressed with its reason.
     */
    boolean deployedEdits() default false;

    /**
     * Whether a {@code migration-guard-ignore} comment can silence its findings. False for the rule that judges those
     * comments: a suppression without a reason must not hide the finding that says so.
     */
    boolean suppressibleInline() default true;

    /**
     * Rules whose finding at the same place this rule's finding says all of, and more: that finding is left out when
     * this one is reported (a drop that {@code rename-as-drop-add} names as a rename is not also a bare data loss).
     */
    String[] subsumes() default {};
}
