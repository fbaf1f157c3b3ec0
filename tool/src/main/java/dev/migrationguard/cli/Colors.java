package dev.migrationguard.cli;

import java.io.Console;
import java.util.Map;

/** When the text report may use colour: only on a terminal, never with {@code --no-color} or {@code NO_COLOR}. */
final class Colors {
    private Colors() {
    }

    /**
     * @param terminal whether standard output is a terminal (false when the report goes to a file)
     * @param env      the environment; {@code NO_COLOR} set to anything but the empty string turns colour off
     *                 (no-color.org)
     */
    static boolean wanted(boolean terminal, boolean noColorOption, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return terminal && !noColorOption && (noColor == null || noColor.isEmpty());
    }

    /**
     * Whether standard output is a terminal. From Java 22 a console exists even when redirected; ask it then. In the
     * tuned JVM, whose stdout is a file, the JVM that started it tells.
     */
    static boolean stdoutIsTerminal() {
        if (System.getProperty(FastStart.CHILD_PROPERTY) != null) {
            return System.getProperty(FastStart.TERMINAL_PROPERTY) != null;
        }
        Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
