package dev.migrationguard.flyway;

import dev.migrationguard.model.DatabaseSetting;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Text;
import dev.migrationguard.stack.SettingsReader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database Flyway's own configuration names: {@code flyway.url} in {@code flyway.conf}, and {@code url} in
 * {@code flyway.toml}, where an {@code [environments.<name>]} table's name is the profile. Flyway lets no ORM change
 * the schema, so it holds no setting of that kind.
 */
final class FlywaySettingsReader implements SettingsReader {
    private static final Pattern CONF_URL = Pattern.compile("^\\s*(flyway\\.url)\\s*[=:]\\s*(.*)$");
    private static final Pattern TOML_TABLE = Pattern.compile("^\\s*\\[\\s*environments\\.([\\w-]+)\\s*]");
    private static final Pattern TOML_URL = Pattern.compile("^\\s*(url)\\s*=\\s*(.*)$");

    @Override
    public boolean mayNameDatabase(String path) {
        String name = Text.fileName(path);
        return name.equals("flyway.conf") || name.equals("flyway.toml");
    }

    @Override
    public List<DatabaseSetting> databases(String path, String content) {
        boolean toml = Text.fileName(path).equals("flyway.toml");
        List<DatabaseSetting> found = new ArrayList<>();
        String profile = null;
        String[] lines = Text.lines(content == null ? "" : content);
        for (int i = 0; i < lines.length; i++) {
            if (toml && lines[i].strip().startsWith("[")) {
                Matcher table = TOML_TABLE.matcher(lines[i]);
                profile = table.find() ? table.group(1) : null;
                continue;
            }
            Matcher url = (toml ? TOML_URL : CONF_URL).matcher(lines[i]);
            if (!url.find()) continue;
            DatabaseSetting.ofJdbcUrl(Location.at(path, i + 1, url.start(1) + 1), url.group(1), url.group(2), profile)
                    .ifPresent(found::add);
        }
        return found;
    }
}
