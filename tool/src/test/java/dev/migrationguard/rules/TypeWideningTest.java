package dev.migrationguard.rules;

import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.SqlType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeWideningTest {
    private static SqlType pg(String spelled) {
        return SqlType.parse(Dialect.POSTGRES, spelled);
    }

    private static SqlType my(String spelled) {
        return SqlType.parse(Dialect.MYSQL, spelled);
    }

    @Test
    void theSameTypeALongerStringAndALargerNumberHoldEveryOldValue() {
        assertTrue(TypeWidening.fits(pg("character varying"), pg("varchar")));
        assertTrue(TypeWidening.fits(pg("varchar(50)"), pg("varchar(100)")));
        assertTrue(TypeWidening.fits(pg("varchar(50)"), pg("varchar")));
        assertTrue(TypeWidening.fits(pg("varchar(50)"), pg("text")));
        assertTrue(TypeWidening.fits(pg("char(2)"), pg("varchar(2)")));
        assertTrue(TypeWidening.fits(pg("int4"), pg("bigint")));
        assertTrue(TypeWidening.fits(pg("numeric(10,2)"), pg("numeric(12,2)")));
        assertTrue(TypeWidening.fits(pg("real"), pg("double precision")));
        assertTrue(TypeWidening.fits(my("text"), my("longtext")));
    }

    @Test
    void aNarrowingAnotherKindOfValueOrAnUnknownTypeDoesNot() {
        assertFalse(TypeWidening.fits(pg("varchar(100)"), pg("varchar(50)")));
        assertFalse(TypeWidening.fits(pg("varchar"), pg("varchar(50)")));
        assertFalse(TypeWidening.fits(pg("text"), pg("varchar(255)")));
        assertFalse(TypeWidening.fits(pg("bigint"), pg("integer")));
        assertFalse(TypeWidening.fits(pg("numeric(10,2)"), pg("numeric(10,4)")));
        assertFalse(TypeWidening.fits(pg("varchar(50)"), pg("integer")));
        assertFalse(TypeWidening.fits(pg("integer"), pg("integer[]")));
        assertFalse(TypeWidening.fits(my("tinyint(1)"), my("int")));
        assertFalse(TypeWidening.fits(null, pg("text")));
        assertFalse(TypeWidening.fits(pg("text"), null));
    }
}
