package dev.migrationguard.typeorm;

import java.util.regex.Pattern;

/**
 * The glob syntax TypeORM's {@code migrations} option is matched with (glob's): {@code *}, {@code **}, {@code ?},
 * {@code {a,b}} and {@code [...]}, over paths with {@code /}.
 */
final class Globs {
    private Globs() {
    }

    static Pattern compile(String glob) {
        StringBuilder b = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            b.append("(?:[^/]*/)*");
                        } else {
                            b.append(".*");
                        }
                    } else {
                        b.append("[^/]*");
                    }
                }
                case '?' -> b.append("[^/]");
                case '{' -> {
                    braces++;
                    b.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        b.append(')');
                    } else {
                        b.append("\\}");
                    }
                }
                case ',' -> b.append(braces > 0 ? "|" : ",");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        b.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, end).replace("\\", "\\\\");
                        if (set.startsWith("!")) set = "^" + set.substring(1);
                        b.append('[').append(set).append(']');
                        i = end;
                    }
                }
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        while (braces-- > 0) b.append(')');
        return Pattern.compile(b.toString());
    }

    /** Whether the text holds glob syntax (else it names one file). */
    static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('{') >= 0 || s.indexOf('[') >= 0;
    }
}
