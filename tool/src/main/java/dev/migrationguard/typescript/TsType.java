package dev.migrationguard.typescript;

import java.util.List;

/**
 * A type as written in TypeScript source, reduced to what decides the metadata {@code tsc} emits for it
 * ({@code design:type}): keywords, literal types, references with their arguments, arrays, unions and intersections.
 */
public sealed interface TsType {
    /** {@code string}, {@code number}, {@code boolean}, {@code bigint}, {@code any}, {@code null}, {@code undefined}... */
    record Keyword(String name) implements TsType {
    }

    /** A literal type: {@code 'a'} is of kind {@code string}, {@code 1} of {@code number}, {@code true} of {@code boolean}. */
    record Literal(String kind) implements TsType {
    }

    /** {@code Team}, {@code Lowercase<string>}, {@code ns.Team} ({@code qualifier} {@code ns}). */
    record Ref(String name, String qualifier, List<TsType> args) implements TsType {
        public Ref {
            args = List.copyOf(args);
        }
    }

    /** {@code T[]}, {@code readonly T[]} and tuples: all are arrays at run time. */
    record ArrayOf(TsType element) implements TsType {
    }

    /** {@code A | B}, or with {@code intersection} {@code A & B}. */
    record Union(List<TsType> members, boolean intersection) implements TsType {
        public Union {
            members = List.copyOf(members);
        }
    }

    /** Any other type (an object literal type, a function type, a mapped or conditional type), by the parser's name. */
    record Other(String kind) implements TsType {
    }
}
