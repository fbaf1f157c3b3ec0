package archfixture.jpa;

/** The JPA reader, reaching up into the rule catalog. */
public final class Reader {
    public static Object parser() {
        return archfixture.rules.Catalog.build();
    }
}
