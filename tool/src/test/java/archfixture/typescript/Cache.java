package archfixture.typescript;

/** The TypeScript parser keeping its cache through the configuration package. */
public final class Cache {
    public static Object folder() {
        return new archfixture.config.Config();
    }
}
