package dev.migrationguard.model;

import java.util.List;

/** What a reader got out of a file: the items it understood and the problems it met. */
public record ReadResult<T>(List<T> items, List<ParseProblem> problems) {
    public ReadResult {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public static <T> ReadResult<T> empty() {
        return new ReadResult<>(List.of(), List.of());
    }

    public static <T> ReadResult<T> of(List<T> items) {
        return new ReadResult<>(items, List.of());
    }

    public static <T> ReadResult<T> problem(ParseProblem problem) {
        return new ReadResult<>(List.of(), List.of(problem));
    }
}
