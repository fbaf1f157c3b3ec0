package dev.migrationguard.analysis;

import dev.migrationguard.model.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rule's identity, on its class: the stable id, its default severity and a one-line summary. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleMeta {
    String id();

    Severity severity();

    /** One line, no trailing period. */
    String summary();

    /** Option keys this rule accepts in the configuration, besides {@code severity}. */
    String[] options() default {};
}
