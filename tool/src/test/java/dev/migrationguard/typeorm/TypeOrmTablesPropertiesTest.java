package dev.migrationguard.typeorm;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Edits a reviewer calls cosmetic (comments, imports, formatting, quotes, method bodies) never change the tables. */
class TypeOrmTablesPropertiesTest {
    private static final String ENTITY = "src/order.entity.ts";
    private static final String BASE = """
            import { Column, CreateDateColumn, Entity, Index, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
            import { Customer } from './customer';
            import { Status } from './status';

            type Code = Uppercase<string>;
            const NOTE_LENGTH = 500;

            @Entity({ name: 'orders' })
            @Index(['status', 'customer'])
            export class Order {
              @PrimaryGeneratedColumn('uuid')
              id: string;

              @Column({ type: 'varchar', length: 12, unique: true })
              code: Code;

              @Column({ type: 'enum', enum: Status, default: Status.OPEN })
              status: Status;

              @Column({ length: NOTE_LENGTH, nullable: true })
              note?: string | null;

              @Column('decimal', { precision: 10, scale: 2, default: 0 })
              total: string;

              @ManyToOne(() => Customer, { onDelete: 'CASCADE', nullable: false })
              customer: Customer;

              @ManyToMany(() => Customer)
              @JoinTable({ name: 'order_watchers' })
              watchers: Customer[];

              @CreateDateColumn({ type: 'timestamptz' })
              createdAt: Date;

              label(): string {
                return this.code;
              }
            }
            """;
    private static final Map<String, String> OTHERS = Map.of(
            "src/customer.ts", """
                    import { Entity, PrimaryGeneratedColumn } from 'typeorm';
                    @Entity('customers') export class Customer { @PrimaryGeneratedColumn() id: number; }
                    """,
            "src/status.ts", "export enum Status { OPEN = 'open', PAID = 'paid' }\n");

    enum Edit { LINE_COMMENT, BLOCK_COMMENT, IMPORT, SPLIT_IMPORT, METHOD_BODY, INDENT, BLANK_LINES, DOUBLE_QUOTES }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Arbitraries.of(Edit.class).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 60)
    void cosmeticEditsGiveAnEmptyDiff(@ForAll("edits") List<Edit> edits, @ForAll @Size(max = 5) List<Integer> seeds) {
        String after = BASE;
        int i = 0;
        for (Edit e : edits) after = apply(e, after, seeds.isEmpty() ? i++ : Math.abs(seeds.get(i++ % seeds.size())));
        String edited = after;
        for (Dialect dialect : List.of(Dialect.POSTGRES, Dialect.MYSQL, Dialect.SQLITE)) {
            PhysicalSchema before = schema(BASE, dialect);
            assertEquals(2, before.tables().size());
            PhysicalDiff diff = PhysicalDiff.diff(before, schema(edited, dialect));
            assertEquals(List.of(), diff.changes(), () -> edits + "\n" + edited);
        }
    }

    /** The same base is not blind: an edit of what the database gets is a change on every dialect. */
    @Example
    void aRealEditOfTheBaseIsAChange() {
        for (Dialect dialect : List.of(Dialect.POSTGRES, Dialect.MYSQL, Dialect.SQLITE)) {
            assertFalse(PhysicalDiff.diff(schema(BASE, dialect), schema(BASE.replace("length: 12", "length: 13"),
                    dialect)).isEmpty());
            assertFalse(PhysicalDiff.diff(schema(BASE, dialect), schema(BASE.replace("Status.OPEN", "Status.PAID"),
                    dialect)).isEmpty());
        }
    }

    private static String apply(Edit edit, String source, int seed) {
        String[] lines = source.split("\n", -1);
        return switch (edit) {
            case LINE_COMMENT -> {
                int at = 1 + seed % (lines.length - 1);
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < lines.length; i++) {
                    if (i == at) b.append("// why: ").append(seed).append('\n');
                    b.append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
                }
                yield b.toString();
            }
            case BLOCK_COMMENT -> source.replace("@Column(", "/* kept " + seed + " */ @Column(");
            case IMPORT -> "import { Injectable } from '@nestjs/common';\n" + source;
            case SPLIT_IMPORT -> source.replace("import { Column, CreateDateColumn, ",
                    "import { Column } from 'typeorm';\nimport { CreateDateColumn, ");
            case METHOD_BODY -> source.replace("return this.code;", "const c = this.code + '" + seed + "';\n    return c;");
            case INDENT -> source.replace("\n  ", "\n    ");
            case BLANK_LINES -> source.replace(";\n", ";\n\n");
            case DOUBLE_QUOTES -> source.replace('\'', '"');
        };
    }

    private static PhysicalSchema schema(String entity, Dialect dialect) {
        var files = new java.util.HashMap<>(OTHERS);
        files.put(ENTITY, entity);
        ReadResult<Table> read = new TypeOrmEntityReader(new TsSources(), TypeOrmNaming.DEFAULT)
                .tables(MemorySnapshot.of(files), Set.of(ENTITY), dialect);
        assertEquals(List.of(), read.problems());
        return PhysicalSchema.of(dialect, read.items(), List.of(), List.of());
    }
}
