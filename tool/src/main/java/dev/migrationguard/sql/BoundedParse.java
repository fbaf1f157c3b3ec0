package dev.migrationguard.sql;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSqlParser on the caller's thread, with a time limit. JSqlParser bounds a parse by running it on an executor and
 * waiting for it, which costs two thread switches per statement: on the 5,000 migrations of bench.sh's repository, about
 * 75,000 futex calls and the second core's time. Its parser also stops by itself once its public {@code interrupted}
 * flag is set (it checks it where backtracking can explode), which is what its own timeout does; here one watchdog
 * thread sets that flag on a parse that has run past its limit, so a statement costs no hand-off at all.
 *
 * <p>Like {@link CCJSqlParserUtil#parse(String, java.util.concurrent.ExecutorService, java.util.function.Consumer)},
 * a statement is parsed simply first, and again with complex parsing when that fails and it nests no deeper than
 * JSqlParser allows; each attempt has the whole limit.
 */
final class BoundedParse {
    /** JSqlParser can take seconds on a pathological statement; no migration statement needs this long. */
    static final long LIMIT_MILLIS = 2_000;
    /** How often the watchdog looks; a parse stops at most this much after its limit. */
    private static final long CHECK_MILLIS = 100;
    /** The watchdog ends after this long without a parse, so that a resident checker keeps no thread waking. */
    private static final long IDLE_MILLIS = 5_000;
    /** JSqlParser's bound for trying complex parsing after simple parsing failed. */
    private static final int COMPLEX_NESTING_LIMIT = 10;

    /** Each running parse and when it started (System.nanoTime). */
    private static final Map<CCJSqlParser, Long> RUNNING = new ConcurrentHashMap<>();
    private static final Object LOCK = new Object();
    private static Thread watchdog;

    private BoundedParse() {
    }

    /** The statement JSqlParser reads from {@code sql}; throws when it cannot parse it within the limit. */
    static Statement parse(String sql, boolean squareBracketQuotes) throws JSQLParserException {
        Recent recent = RECENT.get();
        Recent.Key key = new Recent.Key(sql, squareBracketQuotes);
        Object known = recent.get(key);
        if (known == null) {
            try {
                known = parseNow(sql, squareBracketQuotes);
            } catch (JSQLParserException e) {
                known = e;
            }
            recent.put(key, known);
        }
        if (known instanceof JSQLParserException e) throw e;
        return (Statement) known;
    }

    private static Statement parseNow(String sql, boolean squareBracketQuotes) throws JSQLParserException {
        try {
            return attempt(sql, squareBracketQuotes, false, LIMIT_MILLIS);
        } catch (JSQLParserException e) {
            if (CCJSqlParserUtil.getNestingDepth(sql) > COMPLEX_NESTING_LIMIT) throw e;
            return attempt(sql, squareBracketQuotes, true, LIMIT_MILLIS);
        }
    }

    /**
     * The last statements each thread parsed, and what came of them: a migration's statements are read twice in a row,
     * for the tables they touch ({@link SqlTouchReader}) and for their operations ({@link AstReader}), each parse
     * costing as much as the rest of reading the file. The readers only read the trees, never change them.
     */
    private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

    private static final class Recent extends java.util.LinkedHashMap<Recent.Key, Object> {
        private static final int SIZE = 64;

        record Key(String sql, boolean squareBracketQuotes) {
        }

        Recent() {
            super(128, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > SIZE;
        }
    }

    /** One parse with {@code limitMillis} (package-private for the test of the limit itself). */
    static Statement attempt(String sql, boolean squareBracketQuotes, boolean complex, long limitMillis)
            throws JSQLParserException {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
        if (squareBracketQuotes) parser.withSquareBracketQuotation(true);
        // The deadline is kept as a start shifted back, so the watchdog compares every entry with one limit.
        RUNNING.put(parser, System.nanoTime() - (LIMIT_MILLIS - limitMillis) * 1_000_000);
        watch();
        Statement statement;
        try {
            statement = parser.Statement();
        } catch (Exception e) {
            throw new JSQLParserException(parser.interrupted ? "Time out occurred." : e.getMessage(), e);
        } finally {
            RUNNING.remove(parser);
        }
        // Stopped by the watchdog, the parser may return what it had when it gave up.
        if (parser.interrupted) throw new JSQLParserException("Time out occurred.");
        return statement;
    }

    private static void watch() {
        synchronized (LOCK) {
            if (watchdog != null) return;
            watchdog = new Thread(BoundedParse::watchdog, "migration-guard-sql-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    private static void watchdog() {
        long idleSince = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException e) {
                // Nothing interrupts it on purpose; the flag is cleared, so watching goes on.
            }
            long now = System.nanoTime();
            if (RUNNING.isEmpty()) {
                if (now - idleSince >= IDLE_MILLIS * 1_000_000) {
                    synchronized (LOCK) {
                        if (RUNNING.isEmpty()) {
                            watchdog = null;
                            return;
                        }
                    }
                }
                continue;
            }
            idleSince = now;
            for (Map.Entry<CCJSqlParser, Long> e : RUNNING.entrySet()) {
                if (now - e.getValue() >= LIMIT_MILLIS * 1_000_000) e.getKey().interrupted = true;
            }
        }
    }
}
