package dev.migrationguard.sql;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.schema.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL inside a migration file, each piece with where it starts: a whole {@code .sql} file, the string passed to
 * {@code queryRunner.query(...)} in a TypeORM migration, the body of a Liquibase {@code <sql>} element. A test and
 * benchmark helper: the readers that own these formats will hand {@link SqlOperations} the same pieces.
 */
final class EmbeddedSql {
    record Piece(String sql, Location base) {
    }

    private static final Pattern QUERY_CALL = Pattern.compile("\\.query\\(\\s*([`'\"])");
    private static final Pattern SQL_ELEMENT = Pattern.compile("<sql(?:\\s[^>]*)?>(.*?)</sql>", Pattern.DOTALL);

    private EmbeddedSql() {
    }

    static List<Piece> of(String path, String content) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sql")) return List.of(new Piece(content, Location.at(path, 1, 1)));
        if (lower.endsWith(".ts") || lower.endsWith(".js")) return queryStrings(path, content);
        if (lower.endsWith(".xml")) return sqlElements(path, content);
        return List.of();
    }

    /** The dialect a path names by a folder or file-name part ({@code db/migration/mysql/}), else the default. */
    static Dialect dialectOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("sql_server") || lower.contains("sql-server")) return Dialect.MSSQL;
        for (String part : lower.split("[/._-]")) {
            switch (part) {
                case "mysql" -> {
                    return Dialect.MYSQL;
                }
                case "mariadb" -> {
                    return Dialect.MARIADB;
                }
                case "sqlite" -> {
                    return Dialect.SQLITE;
                }
                case "mssql", "sqlserver" -> {
                    return Dialect.MSSQL;
                }
                case "oracle" -> {
                    return Dialect.ORACLE;
                }
                case "h2" -> {
                    return Dialect.H2;
                }
                default -> {
                }
            }
        }
        return Dialect.DEFAULT;
    }

    private static List<Piece> queryStrings(String path, String content) {
        List<Piece> out = new ArrayList<>();
        Matcher m = QUERY_CALL.matcher(content);
        int from = 0;
        while (m.find(from)) {
            char quote = m.group(1).charAt(0);
            int start = m.end();
            int end = literalEnd(content, start, quote);
            // A literal joined to others by + is the TypeORM reader's to resolve; alone it is not the statement.
            if (!content.substring(Math.min(content.length(), end + 1)).stripLeading().startsWith("+")) {
                out.add(new Piece(unescape(content.substring(start, end)), locationOf(path, content, start)));
            }
            from = Math.min(content.length(), end + 1);
        }
        return out;
    }

    /** The closing quote of a literal; a template literal's {@code ${...}} may hold quotes of its own. */
    private static int literalEnd(String s, int i, char quote) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i;
            } else if (quote == '`' && c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int depth = 0;
                while (i < s.length()) {
                    if (s.charAt(i) == '{') depth++;
                    if (s.charAt(i) == '}' && --depth == 0) break;
                    i++;
                }
                i++;
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** JavaScript escapes as the string's value has them ({@code \\"} is {@code "}); the rest kept as written. */
    private static String unescape(String literal) {
        if (literal.indexOf('\\') < 0) return literal;
        StringBuilder b = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length()) {
                char next = literal.charAt(++i);
                b.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static List<Piece> sqlElements(String path, String content) {
        List<Piece> out = new ArrayList<>();
        Matcher m = SQL_ELEMENT.matcher(content);
        while (m.find()) {
            String body = m.group(1);
            int start = m.start(1);
            String trimmed = body.stripLeading();
            if (trimmed.startsWith("<![CDATA[")) {
                start += body.indexOf("<![CDATA[") + 9;
                body = content.substring(start, m.end(1));
                int close = body.lastIndexOf("]]>");
                if (close >= 0) body = body.substring(0, close);
            } else {
                body = body.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                        .replace("&amp;", "&");
            }
            out.add(new Piece(body, locationOf(path, content, start)));
        }
        return out;
    }

    private static Location locationOf(String path, String content, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Location.at(path, line, offset - lineStart + 1);
    }
}
