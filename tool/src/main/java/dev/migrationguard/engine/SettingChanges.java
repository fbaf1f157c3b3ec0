package dev.migrationguard.engine;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.model.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which settings of a file a change introduced or altered. A setting is the same as one the file had before when its
 * key, value, profile, the reader's judgement of it (guarded to development, changes the schema, where it holds) and
 * the text of its statement (key, value and guard as written, without whitespace) are equal. Its line is not part of it:
 * lines inserted above a setting do not make it new.
 */
final class SettingChanges {
    /** Longest statement text compared: a setting written over more is compared on its start. */
    private static final int MAX_STATEMENT = 2_000;

    private SettingChanges() {
    }

    /**
     * The settings of {@code after} that {@code before} (the settings of the file before the change) lacks, each old
     * one answering for one new one: a second {@code synchronize: true} added beside an old one is new.
     */
    static List<SyncSetting> introduced(List<SyncSetting> after, String afterText, List<SyncSetting> before,
                                        String beforeText) {
        Map<Identity, Integer> old = new HashMap<>();
        for (SyncSetting s : before) old.merge(Identity.of(s, beforeText), 1, Integer::sum);
        List<SyncSetting> introduced = new ArrayList<>();
        for (SyncSetting s : after) {
            Identity id = Identity.of(s, afterText);
            Integer left = old.get(id);
            if (left == null || left == 0) {
                introduced.add(s);
            } else {
                old.put(id, left - 1);
            }
        }
        return introduced;
    }

    private record Identity(String key, String value, String profile, boolean guardedToDevelopment,
                            boolean changesSchema, String unprofiled, String statement) {
        static Identity of(SyncSetting s, String text) {
            return new Identity(s.key(), s.value(), s.profile(), s.guardedToDevelopment(), s.changesSchema(),
                    s.unprofiled(), SettingChanges.statement(text, s.location()));
        }
    }

    /**
     * The statement a setting's location starts, without whitespace: in a script or JSON file, up to the comma,
     * semicolon or closing bracket that ends it (a guard may span lines); in a properties, YAML or {@code .env} file,
     * the rest of the line.
     */
    static String statement(String text, Location at) {
        if (at.isWholeFile()) return "";
        String[] lines = Text.lines(text);
        if (at.line() > lines.length) return "";
        int start = 0;
        for (int i = 0; i < at.line() - 1; i++) start = text.indexOf('\n', start) + 1;
        start = Math.min(text.length(), start + Math.max(0, at.column() - 1));
        int end = script(at.path()) ? scriptEnd(text, start) : lineEnd(text, start);
        return text.substring(start, Math.min(end, start + MAX_STATEMENT)).replaceAll("\\s+", "");
    }

    private static boolean script(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.matches(".*\\.(?:[cm]?[jt]s|json)");
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    /** Where the expression starting at {@code from} ends: a comma, semicolon or unmatched closing bracket outside strings. */
    private static int scriptEnd(String text, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            switch (c) {
                case '\'', '"', '`' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> {
                    if (depth == 0) return i;
                    depth--;
                }
                case ',', ';' -> {
                    if (depth == 0) return i;
                }
                default -> { }
            }
        }
        return text.length();
    }
}
