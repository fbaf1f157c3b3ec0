package dev.migrationguard.typeorm;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TypeScript readers never throw, whatever the text (the physical reader on every dialect too), and every place
 * they report lies inside the file.
 */
class TypeScriptReadersPropertiesTest {
    private static final String ENTITY = """
            import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, Index, ManyToMany, JoinTable } from 'typeorm';
            enum Kind { A = 'a', B = 'b' }
            type Title = Lowercase<string>;
            @Entity('contest') @Index(['title', 'host'])
            export class Contest {
              @PrimaryGeneratedColumn() id: number;
              @Column({ length: 100, nullable: true, default: Kind.A }) title: Title | null;
              @Column({ type: 'enum', enum: Kind }) kind: Kind;
              @ManyToOne(() => Team, { onDelete: 'CASCADE' }) host: Team;
              @ManyToMany(() => Contest) @JoinTable() related: Contest[];
            }
            """;
    private static final String MIGRATION = """
            import { MigrationInterface, QueryRunner } from 'typeorm';
            export class AddX1700000000000 implements MigrationInterface {
              async up(q: QueryRunner) { await q.query(`ALTER TABLE "a" ADD "b" int`); await q.dropTable('c'); }
              async down(q: QueryRunner) { throw new Error('no'); }
            }
            """;

    @Provide
    Arbitrary<String> typescript() {
        Arbitrary<String> arbitrary = Arbitraries.strings().withChars("@(){}[];:'\"`$=<>,.!?/\\*+-\n abcQWE123")
                .ofMaxLength(200);
        Arbitrary<String> mutated = Arbitraries.of(ENTITY, MIGRATION).flatMap(base ->
                Arbitraries.integers().between(0, base.length()).flatMap(at ->
                        Arbitraries.integers().between(0, 20).flatMap(cut ->
                                Arbitraries.strings().withChars("@(){};'`$\n x").ofMaxLength(5).map(insert ->
                                        base.substring(0, at) + insert
                                                + base.substring(Math.min(base.length(), at + cut))))));
        return Arbitraries.oneOf(arbitrary, mutated);
    }

    @Property(tries = 300)
    void readersNeverThrowAndPointInsideTheFile(@ForAll("typescript") String text) {
        TsSources sources = new TsSources();
        String entityPath = "src/contest.entity.ts";
        String migrationPath = "src/migrations/1700000000000-AddX.ts";
        var snapshot = MemorySnapshot.of(entityPath, text, migrationPath, text);
        int lines = text.split("\r\n|\r|\n", -1).length + 1;
        for (TypeOrmNaming naming : TypeOrmNaming.values()) {
            for (Dialect dialect : Dialect.values()) {
                var tables = new TypeOrmEntityReader(sources, naming).tables(snapshot, Set.of(entityPath), dialect);
                tables.problems().forEach(p -> assertInside(p.location(), lines));
                for (Table t : tables.items()) {
                    assertInside(t.location(), lines);
                    t.columns().forEach(c -> assertInside(c.location(), lines));
                }
            }
        }
        var migrations = new TypeOrmMigrationReader(sources).read(snapshot, migrationPath);
        var settings = new TypeOrmSettingsReader(sources).read("src/data-source.ts", text + "\nsynchronize");
        migrations.problems().forEach(p -> assertInside(p.location(), lines));
        settings.items().forEach(s -> assertInside(s.location(), lines + 1));
    }

    private static void assertInside(Location at, int lines) {
        assertTrue(at.line() >= 0 && at.line() <= lines, at::toString);
    }
}
