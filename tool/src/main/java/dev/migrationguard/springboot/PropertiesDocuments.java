package dev.migrationguard.springboot;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .properties} file read as Spring Boot reads it: {@code java.util.Properties} lines (separators {@code =},
 * {@code :} or blanks, continuation lines, escapes), documents split at {@code #---} or {@code !---}, and
 * {@code key[0]} entries gathered into one list.
 */
final class PropertiesDocuments {
    private static final Pattern INDEXED = Pattern.compile("(.+?)\\[(\\d{0,9})]");

    private PropertiesDocuments() {
    }

    static void read(String path, String text, String fileProfile, List<BootDocument> out) {
        DocumentBuilder doc = new DocumentBuilder();
        String[] lines = Text.lines(text);
        char lastComment = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int start = 0;
            while (start < line.length() && Character.isWhitespace(line.charAt(start))) start++;
            if (start == line.length()) {
                lastComment = 0;
                continue;
            }
            char first = line.charAt(start);
            if (first == '#' || first == '!') {
                if (isSeparator(line, lastComment)) {
                    add(doc.finish(fileProfile), out);
                    doc = new DocumentBuilder();
                }
                lastComment = first;
                continue;
            }
            lastComment = 0;
            int keyLine = i + 1;
            int keyColumn = start + 1;
            StringBuilder logical = new StringBuilder(line.substring(start));
            while (endsWithContinuation(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i].stripLeading());
            }
            String[] kv = splitKeyValue(logical.toString());
            String key = unescape(kv[0]);
            if (key.isEmpty()) continue;
            String value = unescape(kv[1]);
            Location at = Location.at(path, keyLine, keyColumn);
            Matcher indexed = INDEXED.matcher(key);
            if (indexed.matches() && !indexed.group(2).isEmpty()) {
                doc.addEntry(indexed.group(1), Integer.parseInt(indexed.group(2)), value, at);
            } else {
                doc.add(indexed.matches() ? indexed.group(1) : key, value, at);
            }
        }
        add(doc.finish(fileProfile), out);
    }

    /**
     * Spring Boot's document separator: {@code #---} (or {@code !---}) at the start of a line with nothing but blanks
     * after it, and not right after a comment line of the same prefix (where it reads as part of that comment).
     */
    private static boolean isSeparator(String line, char lastComment) {
        char prefix = line.charAt(0);
        return (prefix == '#' || prefix == '!') && prefix != lastComment && line.startsWith("---", 1)
                && line.substring(4).isBlank();
    }

    private static void add(BootDocument doc, List<BootDocument> out) {
        if (doc != null) out.add(doc);
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int slashes = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) slashes++;
        return slashes % 2 == 1;
    }

    /** Key and value of a properties line: the key ends at an unescaped {@code =}, {@code :} or whitespace. */
    private static String[] splitKeyValue(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) break;
            i++;
        }
        int keyEnd = Math.min(i, line.length());
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        if (i < line.length() && (line.charAt(i) == '=' || line.charAt(i) == ':')) i++;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        return new String[]{line.substring(0, keyEnd), line.substring(Math.min(i, line.length()))};
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        b.append('u');
                    }
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }
}
