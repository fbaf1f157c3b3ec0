package archfixture.rules;

/** The rule catalog building rules through the engine and reading the configuration loader. */
public final class Catalog {
    public static Object build() {
        return new archfixture.engine.Engine();
    }

    public static Object settings() {
        return new archfixture.config.Config();
    }
}
