package dev.migrationguard.flyway;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Flyway version compared as Flyway compares it: numeric parts separated by {@code .} or {@code _}, leading zeros
 * ignored, trailing zero parts dropped ({@code 1_2} = {@code 1.2}, {@code 1.0.0} = {@code 1}, {@code 007} = {@code 7}).
 *
 * @param written as written in the file name, such as {@code 1_2} or {@code 20240105120000}
 */
public record FlywayVersion(String written, List<BigInteger> parts) implements Comparable<FlywayVersion> {
    private static final Pattern SYNTAX = Pattern.compile("\\d+(?:[._]\\d+)*");

    public FlywayVersion {
        parts = List.copyOf(parts);
    }

    /** Parses a version, or returns null when {@code text} is not one (empty, letters, doubled separators). */
    public static FlywayVersion parse(String text) {
        if (text == null || !SYNTAX.matcher(text).matches()) return null;
        List<BigInteger> parts = new ArrayList<>();
        for (String p : text.split("[._]")) parts.add(new BigInteger(p));
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) parts.remove(parts.size() - 1);
        return new FlywayVersion(text, parts);
    }

    /** The canonical form: {@code 1.2}, {@code 1}, {@code 7}. */
    public String normalized() {
        StringBuilder b = new StringBuilder();
        for (BigInteger p : parts) {
            if (b.length() > 0) b.append('.');
            b.append(p);
        }
        return b.toString();
    }

    /** The first part: {@code 3} for {@code 3.1}. */
    public BigInteger major() {
        return parts.get(0);
    }

    /** True for a single number such as {@code 7} or {@code 20240105120000} as written (no separators). */
    public boolean isPlainInteger() {
        return written.chars().allMatch(Character::isDigit);
    }

    @Override
    public int compareTo(FlywayVersion other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) return c;
        }
        return 0;
    }

    /** Versions are equal when Flyway treats them as the same version, whatever their spelling. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FlywayVersion v && parts.equals(v.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return normalized();
    }
}
