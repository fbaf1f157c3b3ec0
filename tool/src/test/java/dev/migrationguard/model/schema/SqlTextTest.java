package dev.migrationguard.model.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SqlTextTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            NOW()                                   | current_timestamp
            CURRENT_TIMESTAMP                       | current_timestamp
            (now())                                 | current_timestamp
            now(6)                                  | current_timestamp(6)
            'abc'::character varying                | 'abc'
            ('{}'::jsonb)                           | '{}'
            '1'                                     | 1
            (-1)                                    | -1
            lower( "Name" )                         | lower("Name")
            age  >  0 AND age < 200                 | age>0 and age<200
            status IN ( 'A' , 'B' )                 | status in('A','B')
            'It''s'                                 | 'It''s'
            'MiXeD'                                 | 'MiXeD'
            """)
    void normalForm(String sql, String normal) {
        assertEquals(normal, SqlText.normalise(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            'a'         | 'A'
            age > 0     | age >= 0
            "Name"      | "name"
            now()       | current_date
            code = '1'  | code = 1
            """)
    void differentExpressionsStayDifferent(String a, String b) {
        assertNotEquals(SqlText.normalise(a), SqlText.normalise(b));
    }
}
