package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import dev.migrationguard.typescript.SwcPlatformSeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a machine the jar ships no SWC library for, a change with TypeScript cannot be judged: exit 2 with one line that
 * names the platform and the ones supported, while a change without TypeScript is still checked there.
 */
class TypeScriptPlatformTest {
    @TempDir
    Path dir;

    @Test
    void aTypeScriptChangeOnAnUnsupportedPlatformExitsTwoWithAClearMessage() {
        var g = TypeOrmEndToEndTest.baseline(dir).addAll().commit("init");
        g.write(TypeOrmEndToEndTest.ENTITY, TypeOrmEndToEndTest.contest("\n  @Column()\n  divisions: number;\n"))
                .add(TypeOrmEndToEndTest.ENTITY);
        Cli r = SwcPlatformSeam.on("SunOS", "sparcv9", () -> Cli.run(g.root(), "check", "--staged"));
        assertEquals(ExitCodes.CANNOT_JUDGE, r.code(), r::toString);
        assertTrue(r.err().contains("native library is not available for SunOS sparcv9"), r::toString);
        assertTrue(r.err().contains("ships it for"), r::toString);
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + r);

        Cli back = Cli.run(g.root(), "check", "--staged");
        assertEquals(1, back.code(), "the parser still loads once the platform is right: " + back);
    }

    /**
     * A TypeScript file that uses no TypeORM (an Angular service) is never handed to the native parser, the one that
     * aborts on {@code push(... more)}: on a platform without the parser such a change is checked all the same.
     */
    @Test
    void aTypeScriptFileWithoutTypeOrmIsNeverParsed() {
        var g = TypeOrmEndToEndTest.baseline(dir).addAll().commit("init");
        g.write("src/app/cart.service.ts", """
                import { Injectable } from '@angular/core';

                @Injectable({ providedIn: 'root' })
                export class CartService {
                  private items: string[] = [];

                  add(...more: string[]): void {
                    this.items.push(... more);
                  }
                }
                """).addAll();
        Cli r = SwcPlatformSeam.on("SunOS", "sparcv9", () -> Cli.run(g.root(), "check", "--staged"));
        assertEquals(0, r.code(), r::toString);
    }

    @Test
    void aJavaOnlyChangeOnAnUnsupportedPlatformIsStillChecked() {
        var g = GitFixture.init(dir).write("src/main/resources/db/migration/V1__Create_contest.sql",
                "CREATE TABLE contest (id BIGINT PRIMARY KEY);\n").addAll().commit("init");
        g.write("src/main/resources/db/migration/V2__Add_contest_title.sql",
                "ALTER TABLE contest ADD COLUMN title VARCHAR(100);\n").addAll();
        Cli r = SwcPlatformSeam.on("SunOS", "sparcv9", () -> Cli.run(g.root(), "check", "--staged"));
        assertEquals(0, r.code(), r::toString);
    }
}
