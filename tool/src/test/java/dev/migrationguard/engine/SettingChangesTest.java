package dev.migrationguard.engine;

import dev.migrationguard.model.Location;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The statement text that identifies a setting, with its guard, wherever its lines are. */
class SettingChangesTest {

    @Test
    void aScriptSettingRunsToTheCommaThatEndsItAcrossLinesStringsAndBrackets() {
        String ts = "export default {\n  synchronize:\n    config.get('A,B') === 'x' ? f(1, 2) : false,\n  logging: true,\n}";
        assertEquals("synchronize:config.get('A,B')==='x'?f(1,2):false",
                SettingChanges.statement(ts, Location.at("src/config.ts", 2, 3)));
        assertEquals("synchronize:true", SettingChanges.statement("new DataSource({ synchronize: true })",
                Location.at("src/ds.ts", 1, 18)));
    }

    @Test
    void aPropertiesOrYamlSettingIsTheRestOfItsLine() {
        assertEquals("spring.jpa.hibernate.ddl-auto=update", SettingChanges.statement(
                "server.port=1\nspring.jpa.hibernate.ddl-auto = update\nx=y\n",
                Location.at("application.properties", 2, 1)));
        assertEquals("ddl-auto:update", SettingChanges.statement("jpa:\n  ddl-auto: update\n",
                Location.at("application.yml", 2, 3)));
        assertEquals("", SettingChanges.statement("a=b\n", Location.at("application.properties", 9, 1)));
    }
}
