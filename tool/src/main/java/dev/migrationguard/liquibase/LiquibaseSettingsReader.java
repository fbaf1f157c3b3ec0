package dev.migrationguard.liquibase;

import dev.migrationguard.model.DatabaseSetting;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Text;
import dev.migrationguard.stack.SettingsReader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database Liquibase's defaults file names: {@code url} (or {@code liquibase.command.url}) in
 * {@code liquibase.properties}, or {@code liquibase-<profile>.properties}. Liquibase lets no ORM change the schema,
 * so it holds no setting of that kind.
 */
final class LiquibaseSettingsReader implements SettingsReader {
    private static final Pattern FILE = Pattern.compile("liquibase(?:[-.]([\\w-]+))?\\.properties");
    private static final Pattern URL = Pattern.compile("^\\s*((?:liquibase\\.command\\.)?url)\\s*[=:]\\s*(.*)$");

    @Override
    public boolean mayNameDatabase(String path) {
        // Asked of every path of the side: the prefix spares thousands of matchers a commit.
        String name = Text.fileName(path);
        return name.startsWith("liquibase") && FILE.matcher(name).matches();
    }

    @Override
    public List<DatabaseSetting> databases(String path, String content) {
        Matcher file = FILE.matcher(Text.fileName(path));
        if (!file.matches()) return List.of();
        List<DatabaseSetting> found = new ArrayList<>();
        String[] lines = Text.lines(content == null ? "" : content);
        for (int i = 0; i < lines.length; i++) {
            Matcher url = URL.matcher(lines[i]);
            if (!url.find()) continue;
            DatabaseSetting.ofJdbcUrl(Location.at(path, i + 1, url.start(1) + 1), url.group(1), url.group(2),
                    file.group(1)).ifPresent(found::add);
        }
        return found;
    }
}
