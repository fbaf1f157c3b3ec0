package dev.migrationguard.typeorm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings of a TypeORM project that name the database: its data source's type, with where it is written. */
class TypeOrmDatabaseSettingsTest {
    private final TypeOrmSettingsReader reader = new TypeOrmSettingsReader(new TsSources());

    private List<String> found(String path, String content) {
        return reader.databases(path, content).stream().map(s -> s.dialect().id() + " " + s.key() + " "
                + s.location().line() + ":" + s.location().column() + " " + s.profile()).toList();
    }

    @Test
    void theTypeOfADataSourceNamesTheDatabase() {
        assertEquals(List.of("mysql type 4:3 null"), found("src/data-source.ts", """
                import { DataSource } from 'typeorm';

                export const AppDataSource = new DataSource({
                  type: 'mysql',
                  host: 'localhost',
                  entities: [__dirname + '/**/*.entity.ts'],
                });
                """));
        assertEquals(List.of("sqlite type 5:7 null"), found("src/app.module.ts", """
                import { TypeOrmModule } from '@nestjs/typeorm';

                @Module({ imports: [
                  TypeOrmModule.forRoot({
                      type: "better-sqlite3", database: 'app.db', autoLoadEntities: true,
                  }),
                ] })
                export class AppModule {}
                """));
    }

    @Test
    void aTypeInACommentNamesNothing() {
        assertEquals(List.of("postgres type 6:3 null"), found("src/data-source.ts", """
                import { DataSource } from 'typeorm';
                /*
                  type: 'mysql',
                */
                export default new DataSource({
                  type: 'postgres', // was type: 'sqlite'
                  // type: 'mariadb',
                });
                """));
    }

    @Test
    void aTypeThatIsNoDriverOrNotALiteralNamesNothing() {
        assertEquals(List.of(), found("src/app.module.ts", """
                import { TypeOrmModule } from '@nestjs/typeorm';
                export const options = { type: process.env.DB_TYPE as any, entities: [] };
                """));
        assertEquals(List.of(), found("src/config.ts", """
                export const field = { type: 'varchar', length: 20 };
                // type: 'postgres' in a comment of a file that configures no data source
                """));
        assertEquals(List.of(), found("src/db.ts", "export const x = { type: 'mongodb', entities: [] };\n"),
                "MongoDB has no SQL dialect");
    }

    @Test
    void ormconfigFilesAndEnvFilesNameItToo() {
        assertEquals(List.of("postgres type 1:3 null"), found("ormconfig.json",
                "{ \"type\": \"postgres\", \"host\": \"db\", \"entities\": [\"dist/**/*.entity.js\"] }\n"));
        assertEquals(List.of("mariadb type 2:3 null"), found("ormconfig.yml",
                "default:\n  type: mariadb\n  host: db\n"));
        assertEquals(List.of("postgres TYPEORM_CONNECTION 1:1 production", "mysql TYPEORM_URL 2:8 production"),
                found(".env.production",
                        "TYPEORM_CONNECTION=postgres\nexport TYPEORM_URL=mysql://u@db.example.com/app\n"));
        assertEquals(List.of(), found(".env.example", "TYPEORM_CONNECTION=postgres\n"),
                "an example file is nobody's database");
    }

    @Test
    void onlyFilesNamedLikeADataSourceAreAsked() {
        assertTrue(reader.mayNameDatabase("src/data-source.ts"));
        assertTrue(reader.mayNameDatabase("src/config/typeorm.config.ts"));
        assertTrue(reader.mayNameDatabase("src/app.module.ts"));
        assertTrue(reader.mayNameDatabase("ormconfig.json"));
        assertTrue(reader.mayNameDatabase(".env.staging"));
        assertFalse(reader.mayNameDatabase("src/users/users.module.ts"));
        assertFalse(reader.mayNameDatabase("src/platform/transform.ts"));
        assertFalse(reader.mayNameDatabase("node_modules/typeorm/data-source.js"));
        assertFalse(reader.mayNameDatabase("src/types/db.d.ts"));
    }
}
