package archfixture.settings;

/** Settings that build the rules they configure. */
public final class Settings {
    public Object rules() {
        return archfixture.rules.Catalog.build();
    }
}
