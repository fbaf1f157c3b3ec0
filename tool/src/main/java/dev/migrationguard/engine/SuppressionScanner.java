package dev.migrationguard.engine;

import dev.migrationguard.analysis.Analysis.SuppressionComment;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code migration-guard-ignore <rule-id>: <reason>} in the comments of any file type ({@code //}, {@code /* *}{@code /},
 * {@code --}, {@code #}, {@code <!-- -->}).
 */
public final class SuppressionScanner {
    public static final String MARKER = "migration-guard-ignore";
    private static final Pattern AFTER_MARKER = Pattern.compile(
            "^(?:\\s+([A-Za-z0-9_.-]+))?\\s*(?::(.*?))?\\s*(?:\\*/|-->)?\\s*$");
    private static final String[] COMMENT_OPENERS = {"//", "/*", "--", "#", "<!--"};

    private SuppressionScanner() {
    }

    public static List<SuppressionComment> scan(String path, String text) {
        if (!text.contains(MARKER)) return List.of();
        List<SuppressionComment> found = new ArrayList<>();
        String[] lines = Text.lines(text);
        boolean leading = true;
        boolean inBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            int at = line.indexOf(MARKER);
            if (at >= 0 && inComment(line, at, inBlock)) {
                Matcher m = AFTER_MARKER.matcher(line.substring(at + MARKER.length()));
                String rule = null;
                String reason = null;
                if (m.matches()) {
                    rule = m.group(1);
                    reason = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
                } else {
                    String rest = line.substring(at + MARKER.length()).strip();
                    int colon = rest.indexOf(':');
                    rule = (colon < 0 ? rest : rest.substring(0, colon)).strip().split("\\s+")[0];
                    if (rule.isEmpty()) rule = null;
                    reason = colon < 0 ? null : rest.substring(colon + 1).strip();
                }
                found.add(new SuppressionComment(Location.at(path, i + 1, at + 1), rule, reason,
                        leading && isCommentLine(trimmed, inBlock)));
            }
            if (leading && !trimmed.isEmpty() && !isCommentLine(trimmed, inBlock) && !trimmed.startsWith("<?xml")) {
                leading = false;
            }
            inBlock = blockStateAfter(line, inBlock);
        }
        return found;
    }

    private static boolean inComment(String line, int markerAt, boolean inBlock) {
        if (inBlock) return true;
        String before = line.substring(0, markerAt);
        for (String opener : COMMENT_OPENERS) {
            if (before.contains(opener)) return true;
        }
        return before.strip().startsWith("*");
    }

    private static boolean isCommentLine(String trimmed, boolean inBlock) {
        if (inBlock || trimmed.isEmpty()) return true;
        for (String opener : COMMENT_OPENERS) {
            if (trimmed.startsWith(opener)) return true;
        }
        return trimmed.startsWith("*");
    }

    private static boolean blockStateAfter(String line, boolean inBlock) {
        boolean state = inBlock;
        int i = 0;
        while (i < line.length()) {
            if (state) {
                int end1 = line.indexOf("*/", i);
                int end2 = line.indexOf("-->", i);
                int end = end1 < 0 ? end2 : (end2 < 0 ? end1 : Math.min(end1, end2));
                if (end < 0) return true;
                state = false;
                i = end + 2;
            } else {
                int s1 = line.indexOf("/*", i);
                int s2 = line.indexOf("<!--", i);
                int start = s1 < 0 ? s2 : (s2 < 0 ? s1 : Math.min(s1, s2));
                if (start < 0) return false;
                int lineComment = line.indexOf("//", i);
                if (lineComment >= 0 && lineComment < start) return false;
                state = true;
                i = start + 2;
            }
        }
        return state;
    }
}
