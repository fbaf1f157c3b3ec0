package dev.migrationguard.typeorm;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The data-source word test is a character loop for speed; it must answer as the regex split it replaced did (words are
 * the runs of {@code [a-z0-9]}), for any name: which files are read for the database must not change.
 */
class DataSourceWordsPropertiesTest {
    private static final Pattern WORD_BREAK = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> WORDS = TypeOrmSettingsReader.DATA_SOURCE_WORDS;
    /** What {@code DataSources} split a name with before its loop. */
    private static final Pattern CANDIDATE_BREAK = Pattern.compile("[^a-z0-9_]+");

    @Property(tries = 1000)
    void answersAsTheRegexSplit(@ForAll("names") String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean bySplit = Arrays.stream(WORD_BREAK.split(lower)).anyMatch(WORDS::contains);
        assertEquals(bySplit, TypeOrmSettingsReader.hasDataSourceWord(lower), name);
    }

    @Property(tries = 300)
    void answersAsTheRegexSplitOnAnyString(@ForAll String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean bySplit = Arrays.stream(WORD_BREAK.split(lower)).anyMatch(WORDS::contains);
        assertEquals(bySplit, TypeOrmSettingsReader.hasDataSourceWord(lower), name);
    }

    /** The same for the words that make a script a data-source candidate, where {@code _} joins a word. */
    @Property(tries = 1000)
    void candidateWordsAnswerAsTheRegexSplit(@ForAll("names") String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean bySplit = Arrays.stream(CANDIDATE_BREAK.split(lower)).anyMatch(DataSources.SOURCE_WORDS::contains);
        assertEquals(bySplit, DataSources.hasSourceWord(lower), name);
    }

    @Property(tries = 300)
    void candidateWordsAnswerAsTheRegexSplitOnAnyString(@ForAll String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean bySplit = Arrays.stream(CANDIDATE_BREAK.split(lower)).anyMatch(DataSources.SOURCE_WORDS::contains);
        assertEquals(bySplit, DataSources.hasSourceWord(lower), name);
    }

    /** File names made of the words, near misses and separators, so that both answers come up often. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.of("data", "source", "DB", "db2", "app", "apps", "orm",
                        "typeorm", "Config", "connection", "module", "user", "x", "", "9", "İ", "é", "cli", "env",
                        "data_source", "main", "index"),
                Arbitraries.strings().withChars("abcdz09_-.").ofMaxLength(4));
        Arbitrary<String> separator = Arbitraries.of("", ".", "-", "_", " ", "..", "/");
        return Arbitraries.oneOf(part, separator).list().ofMaxSize(6).map(parts -> String.join("", parts) + ".ts");
    }
}
