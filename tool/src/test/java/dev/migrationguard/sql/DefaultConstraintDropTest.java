package dev.migrationguard.sql;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.AlterColumnDefault;
import dev.migrationguard.model.ops.Operation.Opaque;
import dev.migrationguard.model.ops.Operation.OpaqueKind;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.replay.Replay;
import dev.migrationguard.replay.ReplayState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQL Server's lookup-and-EXEC drop of a default constraint, over {@code fixtures/sql-mssql/default_constraint_drops.sql}. */
class DefaultConstraintDropTest {
    private static final String FILE = "V2__drop_defaults.sql";

    private static String fixture() throws IOException {
        try (InputStream in = Objects.requireNonNull(DefaultConstraintDropTest.class
                .getResourceAsStream("/fixtures/sql-mssql/default_constraint_drops.sql"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Operation> read(String sql) {
        return SqlOperations.read(sql, Dialect.MSSQL, Location.file(FILE), Side.UP);
    }

    private static String lineOf(String sql, String text) {
        return String.valueOf(sql.substring(0, sql.indexOf(text)).split("\n", -1).length);
    }

    @Test
    void eachReadableDropIsTheColumnLosingItsDefaultAtItsExec() throws IOException {
        String sql = fixture();
        List<String> drops = read(sql).stream().filter(op -> op instanceof AlterColumnDefault)
                .map(op -> (AlterColumnDefault) op)
                .map(d -> d.table() + "." + d.column() + "=" + d.defaultValue() + "@" + d.origin().location().line())
                .toList();
        assertEquals(List.of(
                QualifiedName.of("orders") + ".status=null@" + lineOf(sql, "EXEC(@drop_status)"),
                QualifiedName.of("dbo", "invoices") + ".currency=null@" + lineOf(sql, "DECLARE @currency_default"),
                QualifiedName.of("orders") + ".note=null@" + lineOf(sql, "EXEC sp_executesql @sql")), drops);
    }

    @Test
    void theDeclareAndTheLookupChangeNothingAndTheSchemaStaysCertain() throws IOException {
        String sql = fixture();
        String readable = sql.substring(0, sql.indexOf("-- 4."));
        List<Operation> ops = read(readable);
        assertTrue(ops.stream().filter(op -> op instanceof Opaque).map(op -> ((Opaque) op).kind())
                .allMatch(k -> k == OpaqueKind.SESSION || k == OpaqueKind.QUERY), ops.toString());
        PhysicalSchema s = replay(ops);
        assertTrue(s.complete());
        Table orders = s.table(null, "orders");
        assertTrue(orders.certainOfAll(), "no statement was left unread");
        assertEquals(ColumnDefault.NONE, orders.column(Dialect.MSSQL, "status").defaultValue());
        assertEquals(ColumnDefault.NONE, orders.column(Dialect.MSSQL, "note").defaultValue());
        assertEquals("'web'", orders.column(Dialect.MSSQL, "channel").defaultValue().expression(),
                "only the named column loses its default");
        Table invoices = s.table(null, "invoices");
        assertEquals(ColumnDefault.NONE, invoices.column(Dialect.MSSQL, "currency").defaultValue());
        assertEquals("0", invoices.column(Dialect.MSSQL, "total").defaultValue().expression());
    }

    @Test
    void aLookupOfSeveralColumnsOrOfAnotherTableStaysOpaque() throws IOException {
        String sql = fixture();
        List<Operation> ops = read(sql.substring(sql.indexOf("-- 4.")));
        assertFalse(ops.stream().anyMatch(op -> op instanceof AlterColumnDefault), ops.toString());
        List<Integer> execs = ops.stream().filter(op -> op instanceof Opaque o && o.kind() == OpaqueKind.PROCEDURAL
                && o.summary().startsWith("EXEC")).map(op -> op.origin().location().line()).toList();
        assertEquals(2, execs.size(), ops.toString());
    }

    @Test
    void withoutTheLookupAnExecStaysOpaque() {
        List<Operation> ops = read("EXEC('ALTER TABLE orders DROP CONSTRAINT DF_orders_status');\n"
                + "SELECT @x = name FROM sys.objects;\nEXEC(@x);\n");
        assertFalse(ops.stream().anyMatch(op -> op instanceof AlterColumnDefault), ops.toString());
    }

    private static PhysicalSchema replay(List<Operation> ops) {
        ReplayState state = ReplayState.start(Dialect.MSSQL);
        for (Operation op : ops) state = Replay.apply(state, op);
        return state.schema();
    }
}
