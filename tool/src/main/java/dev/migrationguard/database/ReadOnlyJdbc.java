package dev.migrationguard.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A connection through which only SELECT statements can be sent: every SQL text handed to it is checked before the
 * driver sees it, and anything else (an update, DDL, a call, several statements in one string) fails without reaching
 * the database. The tool reads a production database; this keeps a bug in it from ever writing there.
 */
final class ReadOnlyJdbc {
    private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)*",
            Pattern.DOTALL);
    /**
     * Connection methods that run SQL of the driver's own (pgjdbc turns setSchema into SET search_path, setSavepoint
     * into SAVEPOINT), could end the read-only transaction, or would hand out the unguarded connection.
     */
    private static final Set<String> REFUSED = Set.of("prepareCall", "setReadOnly", "setAutoCommit", "commit",
            "setSavepoint", "releaseSavepoint", "setSchema", "setCatalog", "setClientInfo", "setTypeMap", "unwrap",
            "abort", "createStruct", "createArrayOf", "createBlob", "createClob", "createNClob", "createSQLXML");
    /** Statement methods that run SQL text given to them. */
    private static final Set<String> RUN_SQL = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    private ReadOnlyJdbc() {
    }

    /** Puts {@code raw} in read-only mode (a read-only transaction where the driver has one) and guards it. */
    static Connection guard(Connection raw) throws SQLException {
        raw.setReadOnly(true);
        raw.setAutoCommit(false);
        return proxy(Connection.class, raw, (self, method, args) -> {
            String name = method.getName();
            if (REFUSED.contains(name)) throw new SQLException("refused: " + name + " on a read-only connection");
            if (name.equals("prepareStatement")) checkSelect((String) args[0]);
            Object result = invoke(raw, method, args);
            if (result instanceof PreparedStatement ps) return statement(PreparedStatement.class, ps, self);
            if (result instanceof Statement s) return statement(Statement.class, s, self);
            return result;
        });
    }

    private static <T extends Statement> T statement(Class<T> type, T raw, Object connection) {
        return proxy(type, raw, (self, method, args) -> {
            String name = method.getName();
            if (RUN_SQL.contains(name) && args != null && args.length > 0 && args[0] instanceof String sql) {
                checkSelect(sql);
            } else if (name.equals("getConnection")) {
                return connection;
            } else if (name.equals("unwrap")) {
                throw new SQLException("refused: unwrap on a read-only statement");
            }
            return invoke(raw, method, args);
        });
    }

    /** Throws unless {@code sql} is one SELECT statement (a trailing semicolon allowed). */
    static void checkSelect(String sql) throws SQLException {
        String body = LEADING_COMMENTS.matcher(sql).replaceFirst("").strip();
        if (body.endsWith(";")) body = body.substring(0, body.length() - 1).strip();
        boolean select = body.toLowerCase(Locale.ROOT).matches("select\\b[\\s\\S]*");
        if (!select || body.indexOf(';') >= 0) {
            throw new SQLException("refused to send a statement other than one SELECT to a database read as deployed");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(ReadOnlyJdbc.class.getClassLoader(), new Class<?>[]{type}, (self, m, a) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> self == a[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "read-only " + target;
                };
            }
            return handler.invoke(self, m, a);
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
