package dev.migrationguard.typeorm;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TypeOrmEntityReader#tables}: each TypeORM false alarm of issue 10 as a before/after pair whose physical diff
 * is empty, beside its twin whose diff names the change in SQL terms.
 */
class TypeOrmTablesTest {
    private static final String ENTITY = "src/user.entity.ts";

    /** An entity file with one property declaration in a {@code users} table keyed by a generated id. */
    private static String user(String property) {
        return """
                import { Column, Entity, PrimaryGeneratedColumn, CreateDateColumn } from 'typeorm';

                @Entity({ name: 'users' })
                export class User {
                  @PrimaryGeneratedColumn()
                  id: number;

                  %s
                }
                """.formatted(property);
    }

    private static List<String> changes(Map<String, String> before, Map<String, String> after, Dialect dialect) {
        PhysicalDiff diff = PhysicalDiff.diff(schema(before, dialect), schema(after, dialect));
        return diff.changes().stream().map(PhysicalDiff.Change::message).toList();
    }

    private static List<String> changes(String before, String after) {
        return changes(Map.of(ENTITY, before), Map.of(ENTITY, after), Dialect.POSTGRES);
    }

    private static PhysicalSchema schema(Map<String, String> files, Dialect dialect) {
        ReadResult<Table> read = read(files, dialect);
        assertEquals(List.of(), read.problems());
        return PhysicalSchema.of(dialect, read.items(), List.of(), List.of());
    }

    private static ReadResult<Table> read(Map<String, String> files, Dialect dialect) {
        var reader = new TypeOrmEntityReader(new TsSources(), TypeOrmNaming.DEFAULT);
        Set<String> entities = new java.util.TreeSet<>();
        for (String p : files.keySet()) if (p.endsWith(".entity.ts")) entities.add(p);
        return reader.tables(MemorySnapshot.of(files), entities, dialect);
    }

    private static Table only(String source) {
        List<Table> tables = read(Map.of(ENTITY, source), Dialect.POSTGRES).items();
        assertEquals(1, tables.size(), tables::toString);
        return tables.get(0);
    }

    // ---- spellings of one SQL type

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@Column() name: string;                            | @Column({ type: String }) name: string;",
            "@Column() name: string;                            | @Column('varchar') name: string;",
            "@Column() name: string;                            | @Column({ type: 'character varying' }) name: string;",
            "@Column({ type: 'varchar' }) name: string;         | @Column({ type: 'VARCHAR' }) name: string;",
            "@Column({ type: 'int' }) n: number;                | @Column({ type: 'integer' }) n: number;",
            "@Column({ type: 'int4' }) n: number;               | @Column({ type: Number }) n: number;",
            "@Column() n: number;                               | @Column('int') n: number;",
            "@Column({ type: 'bool' }) on: boolean;             | @Column({ type: 'boolean' }) on: boolean;",
            "@Column() on: boolean;                             | @Column('bool') on: boolean;",
            "@Column({ type: 'timestamp' }) at: Date;           | @Column({ type: 'timestamp without time zone' }) at: Date;",
            "@Column() at: Date;                                | @Column('timestamp') at: Date;",
            "@Column({ type: 'timestamptz' }) at: Date;         | @Column({ type: 'timestamp with time zone' }) at: Date;",
            "@Column({ type: 'decimal', precision: 10, scale: 2 }) p: string; | @Column('numeric', { precision: 10, scale: 2 }) p: string;",
    })
    void spellingsOfOneSqlTypeAreNoChange(String before, String after) {
        assertEquals(List.of(), changes(user(before), user(after)));
    }

    @Test
    void aLongerVarcharIsAChangeSaidInSqlTerms() {
        assertEquals(List.of("column \"users\".\"email\": varchar(255) NOT NULL -> varchar(320) NOT NULL"),
                changes(user("@Column({ length: 255 }) email: string;"), user("@Column({ length: 320 }) email: string;")));
    }

    @Test
    void aColumnForeignKeyAndAnExclusionConstraintAreChanges() {
        String room = """
                import { Column, Entity, Exclusion, ForeignKey, PrimaryGeneratedColumn } from 'typeorm';
                import { Building } from './building.entity';

                @Entity()
                %s
                export class Room {
                  @PrimaryGeneratedColumn()
                  id: number;

                  @Column()
                  %s
                  buildingId: number;
                }
                """;
        String building = """
                import { Entity, PrimaryGeneratedColumn } from 'typeorm';

                @Entity({ name: 'buildings' })
                export class Building {
                  @PrimaryGeneratedColumn()
                  id: number;
                }
                """;
        Map<String, String> before = Map.of("src/room.entity.ts", room.formatted("", ""),
                "src/building.entity.ts", building);
        Map<String, String> after = Map.of("src/room.entity.ts", room.formatted(
                        "@Exclusion(`USING gist (\"buildingId\" WITH =)`)",
                        "@ForeignKey(() => Building, 'id', { onDelete: 'CASCADE' })"),
                "src/building.entity.ts", building);
        assertEquals(List.of("foreign key on \"room\"(\"buildingId\") REFERENCES \"buildings\"(\"id\") ON DELETE CASCADE "
                        + "ON UPDATE NO ACTION added",
                        "exclusion constraint on \"room\" added: exclude using gist(\"buildingId\" with=)"),
                changes(before, after, Dialect.POSTGRES));
    }

    @Test
    void anotherSqlTypeIsAChange() {
        assertEquals(List.of("column \"users\".\"n\": integer NOT NULL -> bigint NOT NULL"),
                changes(user("@Column('int') n: number;"), user("@Column('bigint') n: number;")));
        assertEquals(List.of("column \"users\".\"at\": timestamp NOT NULL -> timestamptz NOT NULL"),
                changes(user("@Column('timestamp') at: Date;"), user("@Column('timestamptz') at: Date;")));
        assertEquals(List.of("column \"users\".\"on\": boolean NOT NULL -> smallint NOT NULL"),
                changes(user("@Column('bool') on: boolean;"), user("@Column('smallint') on: boolean;")));
    }

    @Test
    void typeSpellingsFollowTheDriverOfTheDialect() {
        String before = user("@Column() name: string;");
        String after = user("@Column({ type: 'varchar', length: 255 }) name: string;");
        // MySQL writes varchar(255) for a string property; PostgreSQL writes character varying without a length.
        assertEquals(List.of(), changes(Map.of(ENTITY, before), Map.of(ENTITY, after), Dialect.MYSQL));
        assertEquals(List.of("column \"users\".\"name\": varchar NOT NULL -> varchar(255) NOT NULL"),
                changes(before, after));
    }

    // ---- names that resolve to the same thing

    @Test
    void anExplicitNameEqualToTheDefaultIsNoChange() {
        assertEquals(List.of(), changes(user("@Column() email: string;"), user("@Column({ name: 'email' }) email: string;")));
        assertEquals(List.of("column \"users\".\"email\" renamed to \"mail\""),
                changes(user("@Column() email: string;"), user("@Column({ name: 'mail' }) email: string;")));
    }

    @Test
    void aClassRenamedKeepingItsTableNameIsNoChange() {
        String before = "import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n"
                + "@Entity({ name: 'users' }) export class User { @PrimaryGeneratedColumn() id: number; }\n";
        assertEquals(List.of(), changes(before, before.replace("class User", "class Account")));
        String bare = "import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n"
                + "@Entity() export class User { @PrimaryGeneratedColumn() id: number; }\n";
        assertEquals(List.of("table \"user\" renamed to \"account\""),
                changes(bare, bare.replace("class User", "class Account")));
    }

    @Test
    void aRelationTargetRenamedKeepingItsTableIsNoChange() {
        String post = """
                import { Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
                import { %1$s } from './user';
                @Entity() export class Post {
                  @PrimaryGeneratedColumn() id: number;
                  @ManyToOne(() => %1$s, { onDelete: 'CASCADE' }) author: %1$s;
                }
                """;
        String target = """
                import { Entity, PrimaryGeneratedColumn } from 'typeorm';
                @Entity('%s') export class %s { @PrimaryGeneratedColumn('uuid') id: string; }
                """;
        var before = Map.of("src/post.entity.ts", post.formatted("User"), "src/user.ts", target.formatted("users", "User"));
        var after = Map.of("src/post.entity.ts", post.formatted("Account"),
                "src/user.ts", target.formatted("users", "Account"));
        assertEquals(List.of(), changes(before, after, Dialect.POSTGRES));
        assertEquals("users", read(after, Dialect.POSTGRES).items().get(0).foreignKeys().get(0).referencedTable());
        var moved = Map.of("src/post.entity.ts", post.formatted("Account"),
                "src/user.ts", target.formatted("accounts", "Account"));
        assertEquals(List.of("foreign key on \"post\"(\"authorId\"): REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE"
                + " NO ACTION -> REFERENCES \"accounts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION"),
                changes(before, moved, Dialect.POSTGRES));
    }

    // ---- values compared as values

    private static final String USER_TYPE = """
            export enum UserType { PLEX = 1, EMBY = 2, LOCAL }
            """;

    @Test
    void anEnumMemberDefaultIsItsValue() {
        String entity = """
                import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
                import { UserType } from './user-type';
                @Entity('users') export class User {
                  @PrimaryGeneratedColumn() id: number;
                  @Column({ type: 'integer', default: %s }) userType: UserType;
                }
                """;
        var before = Map.of(ENTITY, entity.formatted("UserType.PLEX"), "src/user-type.ts", USER_TYPE);
        assertEquals(List.of(), changes(before, Map.of(ENTITY, entity.formatted("1"), "src/user-type.ts", USER_TYPE),
                Dialect.POSTGRES));
        assertEquals(List.of("column \"users\".\"userType\": integer NOT NULL DEFAULT 1 -> integer NOT NULL DEFAULT 3"),
                changes(before, Map.of(ENTITY, entity.formatted("UserType.LOCAL"), "src/user-type.ts", USER_TYPE),
                        Dialect.POSTGRES));
    }

    @Test
    void aNumericEnumPropertyIsAnIntegerColumnAndAnEnumColumnListsTheMemberValues() {
        String entity = """
                import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
                import { UserType } from './user-type';
                @Entity('users') export class User {
                  @PrimaryGeneratedColumn() id: number;
                  @Column() kind: UserType;
                  @Column({ type: 'enum', enum: UserType }) type: UserType;
                }
                """;
        Table t = schema(Map.of(ENTITY, entity, "src/user-type.ts", USER_TYPE), Dialect.POSTGRES).table(null, "users");
        assertEquals(SqlType.of("integer"), t.column(Dialect.POSTGRES, "kind").type());
        assertEquals(List.of("1", "2", "3"), t.column(Dialect.POSTGRES, "type").enumValues());
        assertEquals(SqlType.of("users_type_enum"), t.column(Dialect.POSTGRES, "type").type());
    }

    @Test
    void anEnumFileChangedAloneBringsTheEntitiesThatUseItAndTheirNewValues() {
        String entity = """
                import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
                import { Role } from './role';
                @Entity('users') export class User {
                  @PrimaryGeneratedColumn() id: number;
                  @Column({ type: 'enum', enum: Role, default: Role.USER }) role: Role;
                }
                """;
        var before = MemorySnapshot.of(ENTITY, entity, "src/role.ts", "export enum Role { ADMIN = 'admin', USER = 'user' }\n",
                "src/service.ts", "export const x = 1;\n");
        var after = MemorySnapshot.of(ENTITY, entity, "src/role.ts", "export enum Role { USER = 'user' }\n",
                "src/service.ts", "export const x = 2;\n");
        var reader = new TypeOrmEntityReader(new TsSources(), TypeOrmNaming.DEFAULT);
        assertEquals(Set.of(ENTITY), reader.dependents(after, Set.of("src/role.ts")));
        assertEquals(Set.of(), reader.dependents(after, Set.of("src/service.ts")));
        var was = reader.tables(before, Set.of(ENTITY), Dialect.POSTGRES).items();
        var now = reader.tables(after, Set.of(ENTITY), Dialect.POSTGRES).items();
        assertEquals(List.of("column \"users\".\"role\": users_role_enum IN ('admin','user') NOT NULL"
                        + " -> users_role_enum IN ('user') NOT NULL"),
                PhysicalDiff.diff(PhysicalSchema.of(Dialect.POSTGRES, was, List.of(), List.of()),
                        PhysicalSchema.of(Dialect.POSTGRES, now, List.of(), List.of())).changes().stream()
                        .map(PhysicalDiff.Change::message).toList());
    }

    @Test
    void theSnakeNamingStrategyADataSourceSetsInCodeNamesTheEntitiesWhenTheConfigurationSaysNone() {
        String entity = """
                import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
                @Entity() export class UserSetting {
                  @PrimaryGeneratedColumn() id: number;
                  @Column() isEmailEnabled: boolean;
                }
                """;
        String dataSource = """
                import { DataSource } from 'typeorm';
                import { SnakeNamingStrategy } from './src/snake-naming.strategy';
                export const dataSource = new DataSource({
                  type: 'postgres',
                  namingStrategy: new SnakeNamingStrategy(),
                  migrations: ['src/database/migrations/*{.ts,.js}'],
                });
                """;
        String path = "src/user-setting.entity.ts";
        var snake = MemorySnapshot.of("package.json", "{}", "ormconfig.ts", dataSource, path, entity);
        var unsaid = new TypeOrmEntityReader(new TsSources(), null);
        Table t = unsaid.tables(snake, Set.of(path), Dialect.POSTGRES).items().get(0);
        assertEquals("user_setting", t.name());
        assertEquals(List.of("id", "is_email_enabled"), t.columns().stream().map(Column::name).toList());
        // the configuration decides when it says; a data source that sets none keeps TypeORM's default
        Table configured = new TypeOrmEntityReader(new TsSources(), TypeOrmNaming.DEFAULT)
                .tables(snake, Set.of(path), Dialect.POSTGRES).items().get(0);
        assertEquals(List.of("id", "isEmailEnabled"), configured.columns().stream().map(Column::name).toList());
        var plain = MemorySnapshot.of("package.json", "{}", "ormconfig.ts",
                dataSource.replace("  namingStrategy: new SnakeNamingStrategy(),\n", ""), path, entity);
        assertEquals("user_setting", unsaid.tables(plain, Set.of(path), Dialect.POSTGRES).items().get(0).name());
        assertEquals(List.of("id", "isEmailEnabled"), unsaid.tables(plain, Set.of(path), Dialect.POSTGRES).items()
                .get(0).columns().stream().map(Column::name).toList());
    }

    @Test
    void importsThroughTsconfigBaseUrlAndPathsAreFollowed() {
        String entity = """
                import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
                import { UserType } from '%s';
                @Entity('users') export class User {
                  @PrimaryGeneratedColumn() id: number;
                  @Column({ type: 'integer', default: UserType.PLEX }) userType: UserType;
                }
                """;
        String tsconfig = """
                {
                  // comments and trailing commas, as tsc allows
                  "compilerOptions": { "baseUrl": ".", "paths": { "@server/*": ["server/*"], }, },
                }
                """;
        for (String source : List.of("@server/constants/user", "server/constants/user")) {
            var files = Map.of("app/tsconfig.json", tsconfig, "app/server/entity/User.entity.ts", entity.formatted(source),
                    "app/server/constants/user.ts", "export enum UserType { PLEX = 1, LOCAL = 2 }\n");
            Table t = read(files, Dialect.POSTGRES).items().get(0);
            assertEquals(ColumnDefault.of("1"), t.column(Dialect.POSTGRES, "userType").defaultValue(), source);
        }
        var withoutConfig = Map.of("app/server/entity/User.entity.ts", entity.formatted("@server/constants/user"),
                "app/server/constants/user.ts", "export enum UserType { PLEX = 1, LOCAL = 2 }\n");
        assertEquals(ColumnDefault.UNKNOWN, read(withoutConfig, Dialect.POSTGRES).items().get(0)
                .column(Dialect.POSTGRES, "userType").defaultValue());
    }

    @Test
    void aConstantIsItsValue() {
        String entity = """
                import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
                import { NAME_LENGTH } from './limits';
                const JSONB = 'jsonb';
                @Entity('users') export class User {
                  @PrimaryGeneratedColumn() id: number;
                  @Column({ length: %s }) name: string;
                  @Column({ type: %s }) data: object;
                }
                """;
        var limits = Map.of("src/limits.ts", "export const NAME_LENGTH = 50;\n");
        var before = new LinkedHashMap<>(limits);
        before.put(ENTITY, entity.formatted("NAME_LENGTH", "JSONB"));
        var after = new LinkedHashMap<>(limits);
        after.put(ENTITY, entity.formatted("50", "'jsonb'"));
        assertEquals(List.of(), changes(before, after, Dialect.POSTGRES));
        after.put(ENTITY, entity.formatted("60", "'jsonb'"));
        assertEquals(List.of("column \"users\".\"name\": varchar(50) NOT NULL -> varchar(60) NOT NULL"),
                changes(before, after, Dialect.POSTGRES));
    }

    @Test
    void aTypeAliasIsWhatItAliases() {
        String entity = """
                import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
                import { Username } from './username';
                @Entity('users') export class User {
                  @PrimaryGeneratedColumn() id: number;
                  @Column() username: %s;
                }
                """;
        var before = Map.of(ENTITY, entity.formatted("string"), "src/username.ts",
                "export type Username = Lowercase<string>;\n");
        var after = Map.of(ENTITY, entity.formatted("Username"), "src/username.ts",
                "export type Username = Lowercase<string>;\n");
        assertEquals(List.of(), changes(before, after, Dialect.POSTGRES));
        var number = Map.of(ENTITY, entity.formatted("Username"), "src/username.ts", "export type Username = number;\n");
        assertEquals(List.of("column \"users\".\"username\": varchar NOT NULL -> integer NOT NULL"),
                changes(before, number, Dialect.POSTGRES));
    }

    @Test
    void anExplicitTypeAddedBecauseThePropertyBecameNullableIsTheTypeInferredBefore() {
        assertEquals(List.of(), changes(user("@Column({ nullable: true }) bio: string;"),
                user("@Column({ type: 'varchar', nullable: true }) bio: string | null;")));
        assertEquals(List.of(), changes(user("@Column({ nullable: true }) age: number;"),
                user("@Column({ type: 'int', nullable: true }) age?: number | null;")));
        // Without the explicit type the union is still the string it unions with null.
        assertEquals(List.of(), changes(user("@Column({ nullable: true }) bio: string;"),
                user("@Column({ nullable: true }) bio: string | undefined;")));
        assertEquals(List.of("column \"users\".\"bio\": varchar NULL -> varchar NOT NULL"),
                changes(user("@Column({ nullable: true }) bio: string;"), user("@Column() bio: string;")));
    }

    // ---- entities that own no table

    private static final String VIEW = """
            import { ViewColumn, ViewEntity } from 'typeorm';
            @ViewEntity({ name: 'active_users', expression: `SELECT id FROM users WHERE active` })
            export class ActiveUser { @ViewColumn() id: number; }
            """;

    @Test
    void aViewEntityIsAViewAndOwnsNoTable() {
        var users = Map.of(ENTITY, user("@Column() name: string;"));
        var withView = new LinkedHashMap<>(users);
        withView.put("src/active-user.entity.ts", VIEW);
        Table view = read(withView, Dialect.POSTGRES).items().stream().filter(Table::view).findFirst().orElseThrow();
        assertEquals("active_users", view.name());
        assertEquals("select id from users where active", view.viewDefinition().toLowerCase(java.util.Locale.ROOT));
        List<PhysicalDiff.Change> added = PhysicalDiff.diff(schema(users, Dialect.POSTGRES),
                schema(withView, Dialect.POSTGRES)).changes();
        assertEquals(List.of(PhysicalDiff.Kind.VIEW_ADDED), added.stream().map(PhysicalDiff.Change::kind).toList());
        List<PhysicalDiff.Change> removed = PhysicalDiff.diff(schema(withView, Dialect.POSTGRES),
                schema(users, Dialect.POSTGRES)).changes();
        assertEquals(List.of(PhysicalDiff.Kind.VIEW_REMOVED), removed.stream().map(PhysicalDiff.Change::kind).toList());
        var renamed = new LinkedHashMap<>(users);
        renamed.put("src/active-user.entity.ts", VIEW.replace("class ActiveUser", "class ActiveAccount"));
        assertEquals(List.of(), changes(withView, renamed, Dialect.POSTGRES));
        var redefined = new LinkedHashMap<>(users);
        redefined.put("src/active-user.entity.ts", VIEW.replace("WHERE active", "WHERE active AND verified"));
        assertEquals(List.of("view \"active_users\": definition changed"), changes(withView, redefined, Dialect.POSTGRES));
        var table = new LinkedHashMap<>(users);
        table.put("src/active-user.entity.ts", VIEW.replace("ViewEntity", "Entity").replace("ViewColumn", "Column"));
        assertEquals(List.of(PhysicalDiff.Kind.TABLE_ADDED), PhysicalDiff.diff(schema(users, Dialect.POSTGRES),
                schema(table, Dialect.POSTGRES)).changes().stream().map(PhysicalDiff.Change::kind).toList());
    }

    @Test
    void aViewBuiltByAFunctionHasAnUnknownDefinition() {
        Table view = only(VIEW.replace("expression: `SELECT id FROM users WHERE active`",
                "expression: (ds) => ds.createQueryBuilder().select('id').from(User, 'u')"));
        assertTrue(view.view());
        assertNull(view.viewDefinition());
    }

    // ---- the rest of CREATE TABLE

    @Test
    void keysDatesAndVersionsAreWhatTypeOrmCreates() {
        Table t = only("""
                import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
                @Entity() export class Thing {
                  @PrimaryGeneratedColumn('uuid') id: string;
                  @CreateDateColumn() createdAt: Date;
                  @DeleteDateColumn() deletedAt?: Date;
                  @VersionColumn() version: number;
                  @Column({ unique: true, length: 64 }) code: string;
                  @Column({ default: () => 'now()' }) seenAt: Date;
                  @Column('simple-json', { nullable: true }) meta: { a: number };
                }
                """);
        assertEquals("thing", t.name());
        assertEquals(List.of("id"), t.primaryKey().columns());
        Column id = t.column(Dialect.POSTGRES, "id");
        assertEquals(SqlType.of("uuid"), id.type());
        assertEquals("DEFAULT uuid_generate_v4()", id.defaultValue().display());
        assertEquals(ColumnDefault.of("now()"), t.column(Dialect.POSTGRES, "createdAt").defaultValue());
        assertEquals(Boolean.TRUE, t.column(Dialect.POSTGRES, "deletedAt").nullable());
        assertEquals(SqlType.of("integer"), t.column(Dialect.POSTGRES, "version").type());
        assertEquals(Boolean.TRUE, t.uniqueColumn(Dialect.POSTGRES, "code"));
        assertEquals(ColumnDefault.of("now()"), t.column(Dialect.POSTGRES, "seenAt").defaultValue());
        assertEquals(SqlType.of("text"), t.column(Dialect.POSTGRES, "meta").type());
        // Each fact keeps the decorator that causes it.
        assertEquals(2, t.location().line());
        assertEquals(3, id.location().line());
        assertEquals(3, t.primaryKey().location().line());
    }

    @Test
    void aGeneratedColumnOutsideTheKeyStaysOutOfIt() {
        Table t = only(user("@Column() @Generated('uuid') token: string;").replace("Column, Entity",
                "Column, Entity, Generated"));
        assertEquals(List.of("id"), t.primaryKey().columns());
        assertEquals(SqlType.of("uuid"), t.column(Dialect.POSTGRES, "token").type());
        assertEquals(ColumnDefault.of("uuid_generate_v4()"), t.column(Dialect.POSTGRES, "token").defaultValue());
    }

    @Test
    void aManyToOneMakesAJoinColumnTypedLikeTheKeyItReferences() {
        var files = Map.of("src/post.entity.ts", """
                import { Entity, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, RelationId } from 'typeorm';
                import { User } from './user';
                @Entity() export class Post {
                  @PrimaryGeneratedColumn() id: number;
                  @ManyToOne(() => User, (u) => u.posts, { nullable: false }) author: User;
                  @RelationId((p: Post) => p.author) authorId: string;
                  @OneToOne(() => User) @JoinColumn({ name: 'editor_id' }) editor: User;
                }
                """, "src/user.ts", """
                import { Entity, OneToMany, PrimaryColumn } from 'typeorm';
                @Entity('users') export class User {
                  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
                  @OneToMany(() => Post, (p) => p.author) posts: Post[];
                }
                """);
        Table post = read(files, Dialect.POSTGRES).items().get(0);
        assertEquals(List.of("id", "authorId", "editor_id"), post.columns().stream().map(Column::name).toList());
        Column author = post.column(Dialect.POSTGRES, "authorId");
        assertEquals(SqlType.parse(Dialect.POSTGRES, "varchar(36)"), author.type());
        assertEquals(Boolean.FALSE, author.nullable());
        assertEquals(Boolean.TRUE, post.column(Dialect.POSTGRES, "editor_id").nullable());
        assertEquals("users", post.foreignKeys().get(0).referencedTable());
        assertEquals(List.of("id"), post.foreignKeys().get(0).referencedColumns());
        assertEquals(Boolean.TRUE, post.uniqueColumn(Dialect.POSTGRES, "editor_id"));
    }

    @Test
    void aTargetImportedThroughABarrelIsTheSameTarget() {
        String post = """
                import { Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
                import { User } from '%s';
                @Entity() export class Post {
                  @PrimaryGeneratedColumn() id: number;
                  @ManyToOne(() => User) author: User;
                }
                """;
        String user = """
                import { Entity, PrimaryGeneratedColumn } from 'typeorm';
                @Entity('users') export class User { @PrimaryGeneratedColumn('uuid') uuid: string; }
                """;
        for (String barrel : List.of("export * from './user';\n", "export { User } from './user';\n")) {
            var direct = Map.of("src/post.entity.ts", post.formatted("./model/user"), "src/model/user.ts", user,
                    "src/model/index.ts", barrel);
            var throughBarrel = Map.of("src/post.entity.ts", post.formatted("./model"), "src/model/user.ts", user,
                    "src/model/index.ts", barrel);
            assertEquals(List.of(), changes(direct, throughBarrel, Dialect.POSTGRES), barrel);
            Table t = read(throughBarrel, Dialect.POSTGRES).items().get(0);
            assertEquals(SqlType.of("uuid"), t.column(Dialect.POSTGRES, "authorUuid").type(), barrel);
        }
    }

    @Test
    void aManyToManyOwnerMakesAJunctionTable() {
        var files = Map.of("src/post.entity.ts", """
                import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
                import { Tag } from './tag';
                @Entity() export class Post {
                  @PrimaryGeneratedColumn() id: number;
                  @ManyToMany(() => Tag) @JoinTable() tags: Tag[];
                }
                """, "src/tag.ts", """
                import { Entity, PrimaryGeneratedColumn } from 'typeorm';
                @Entity() export class Tag { @PrimaryGeneratedColumn() id: number; }
                """);
        List<Table> tables = read(files, Dialect.POSTGRES).items();
        assertEquals(List.of("post", "post_tags_tag"), tables.stream().map(Table::name).toList());
        Table junction = tables.get(1);
        assertEquals(List.of("postId", "tagId"), junction.primaryKey().columns());
        assertEquals(SqlType.of("integer"), junction.column(Dialect.POSTGRES, "tagId").type());
        assertEquals("CASCADE", junction.foreignKeys().get(0).onDelete());
    }

    @Test
    void childEntitiesShareTheParentTableAndTheirColumnsAreNullable() {
        var files = Map.of("src/content.entity.ts", """
                import { Column, Entity, PrimaryGeneratedColumn, TableInheritance } from 'typeorm';
                @Entity() @TableInheritance({ column: { type: 'varchar', name: 'kind' } })
                export class Content {
                  @PrimaryGeneratedColumn() id: number;
                  @Column() title: string;
                }
                """, "src/photo.entity.ts", """
                import { ChildEntity, Column } from 'typeorm';
                import { Content } from './content.entity';
                @ChildEntity() export class Photo extends Content { @Column() size: number; }
                """);
        List<Table> tables = read(files, Dialect.POSTGRES).items();
        assertEquals(1, tables.size());
        Table content = tables.get(0);
        assertEquals(List.of("id", "title", "kind", "size"), content.columns().stream().map(Column::name).toList());
        assertEquals(Boolean.FALSE, content.column(Dialect.POSTGRES, "title").nullable());
        assertEquals(Boolean.FALSE, content.column(Dialect.POSTGRES, "kind").nullable());
        assertEquals(Boolean.TRUE, content.column(Dialect.POSTGRES, "size").nullable());
    }

    @Test
    void aChildEntityDeletedAloneRemovesItsColumnsNotTheParentTable() {
        String parent = """
                import { Column, Entity, PrimaryGeneratedColumn, TableInheritance } from 'typeorm';
                @Entity() @TableInheritance({ column: { type: 'varchar', name: 'kind' } })
                export class Content { @PrimaryGeneratedColumn() id: number; @Column() title: string; }
                """;
        String child = """
                import { ChildEntity, Column } from 'typeorm';
                import { Content } from './content';
                @ChildEntity() export class Photo extends Content { @Column() size: number; }
                """;
        var before = MemorySnapshot.of("src/content.ts", parent, "src/photo.entity.ts", child);
        var after = MemorySnapshot.of("src/content.ts", parent);
        var reader = new TypeOrmEntityReader(new TsSources(), TypeOrmNaming.DEFAULT);
        Set<String> changed = Set.of("src/photo.entity.ts");
        Set<String> read = new java.util.TreeSet<>(changed);
        read.addAll(reader.dependents(before, changed));
        read.addAll(reader.dependents(after, changed));
        assertEquals(Set.of("src/content.ts", "src/photo.entity.ts"), read);
        var was = reader.tables(before, read, Dialect.POSTGRES).items();
        var now = reader.tables(after, read, Dialect.POSTGRES).items();
        assertEquals(List.of("column \"content\".\"size\" removed (was integer NULL)"),
                PhysicalDiff.diff(PhysicalSchema.of(Dialect.POSTGRES, was, List.of(), List.of()),
                        PhysicalSchema.of(Dialect.POSTGRES, now, List.of(), List.of())).changes().stream()
                        .map(PhysicalDiff.Change::message).toList());
    }

    @Test
    void embeddedColumnsTakeTheirPrefixAndIndexesNameColumns() {
        Table t = only("""
                import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
                class Address { @Column() city: string; @Column({ nullable: true }) zipCode: string; }
                @Entity() @Index(['homeCity', 'name'], { unique: true }) @Unique('uq_name', ['name'])
                export class Person {
                  @PrimaryGeneratedColumn() id: number;
                  @Index() @Column() name: string;
                  @Column(() => Address) home: Address;
                  @Column(() => Address, { prefix: false }) work: Address;
                }
                """);
        // DefaultNamingStrategy title-cases the property after the prefix: zipCode in home is homeZipcode.
        assertEquals(List.of("id", "name", "homeCity", "homeZipcode", "city", "zipCode"),
                t.columns().stream().map(Column::name).toList());
        assertEquals(List.of(List.of("name"), List.of("homeCity", "name")),
                t.indexes().stream().map(i -> i.columns()).toList());
        assertEquals("uq_name", t.uniques().get(0).name());
    }

    @Test
    void optionsBuiltAtRunTimeLeaveTheColumnUnknown() {
        String before = user("@Column({ type: 'enum', enum: ['a', 'b'], default: 'a' }) role: string;\n"
                + "  @Column({ type: 'binary', length: 60, nullable: true }) secret: Buffer;\n"
                + "  @ManyToOne(() => User, { onDelete: 'SET NULL' }) parent: User;");
        String after = user("@Column(EnumColumnType.role(['a', 'b'], 'a')) role: string;\n"
                + "  @Column({ ...BinaryColumnType.secret(), nullable: true }) secret: Buffer;\n"
                + "  @ManyToOne(() => User, relationOptions()) parent: User;");
        assertEquals(List.of(), changes(before.replace("Column, Entity", "Column, ManyToOne, Entity"),
                after.replace("Column, Entity", "Column, ManyToOne, Entity")));
        String conditional = user("@Column(isPostgres ? { type: 'bytea' } : { type: 'binary', length: 60 }) secret: Buffer;");
        assertEquals(List.of(), changes(user("@Column({ type: 'binary', length: 60 }) secret: Buffer;"), conditional));
        // What is written after the spread is known: its change is told.
        assertEquals(List.of("column \"users\".\"secret\": ? NULL -> ? NOT NULL"),
                changes(user("@Column({ ...BinaryColumnType.secret(), nullable: true }) secret: Buffer;"),
                        user("@Column({ ...BinaryColumnType.secret(), nullable: false }) secret: Buffer;")));
    }

    @Test
    void treesAddTheirColumnsOrTheirClosureTable() {
        String tree = """
                import { Entity, PrimaryGeneratedColumn, Tree, TreeChildren, TreeParent } from 'typeorm';
                @Entity() @Tree('%s')
                export class Category {
                  @PrimaryGeneratedColumn() id: number;
                  @TreeParent({ onDelete: 'CASCADE' }) parent: Category;
                  @TreeChildren() children: Category[];
                }
                """;
        Table path = only(tree.formatted("materialized-path"));
        assertEquals(List.of("id", "mpath", "parentId"), path.columns().stream().map(Column::name).toList());
        assertEquals(ColumnDefault.of("''"), path.column(Dialect.POSTGRES, "mpath").defaultValue());
        assertEquals("CASCADE", path.foreignKeys().get(0).onDelete());
        Table nested = only(tree.formatted("nested-set"));
        assertEquals(List.of("id", "nsleft", "nsright", "parentId"), nested.columns().stream().map(Column::name).toList());
        List<Table> closure = read(Map.of(ENTITY, tree.formatted("closure-table")), Dialect.POSTGRES).items();
        assertEquals(List.of("category", "category_closure"), closure.stream().map(Table::name).toList());
        assertEquals(List.of("id_ancestor", "id_descendant"), closure.get(1).primaryKey().columns());
        assertEquals(SqlType.of("integer"), closure.get(1).column(Dialect.POSTGRES, "id_ancestor").type());
        assertEquals(List.of("table \"category_closure\" removed"),
                changes(tree.formatted("closure-table"), tree.formatted("adjacency-list")));
    }

    @Test
    void aCompositeKeyListsItsColumnsInOrderAndKeepsItsGivenName() {
        Table t = only("""
                import { Column, Entity, PrimaryColumn } from 'typeorm';
                @Entity('memberships') export class Membership {
                  @PrimaryColumn({ primaryKeyConstraintName: 'pk_membership' }) groupId: number;
                  @PrimaryColumn('uuid') userId: string;
                  @Column({ default: false }) admin: boolean;
                }
                """);
        assertEquals("pk_membership", t.primaryKey().name());
        assertEquals(List.of("groupId", "userId"), t.primaryKey().columns());
        assertEquals(ColumnDefault.of("false"), t.column(Dialect.POSTGRES, "admin").defaultValue());
    }

    @Test
    void decoratorsImportedFromTypeormIndexAreTypeorms() {
        Table t = only(user("@Column() name: string;").replace("from 'typeorm'", "from 'typeorm/index'"));
        assertEquals(List.of("id", "name"), t.columns().stream().map(Column::name).toList());
        assertEquals(List.of(), read(Map.of(ENTITY, user("@Column() name: string;").replace("from 'typeorm'",
                "from 'typeorm-like'")), Dialect.POSTGRES).items());
    }

    @Test
    void whatCannotBeToldIsUnknownNotAChange() {
        Table t = only(user("""
                @Column({ length: computeLength() }) a: string;
                  @Column() b: ImportedInterface;
                  @Column({ nullable: isDev }) c: string;
                """).replace("import {", "import { ImportedInterface } from 'somewhere';\nimport {"));
        assertNull(t.column(Dialect.POSTGRES, "a").type());
        assertNull(t.column(Dialect.POSTGRES, "b").type());
        assertNull(t.column(Dialect.POSTGRES, "c").nullable());
        assertNotNull(t.column(Dialect.POSTGRES, "c").type());
    }
}
