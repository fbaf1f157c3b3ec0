package archfixture.config;

/** The configuration asking the rule catalog which rules are enabled. */
public final class Config {
    public Object enabledRules() {
        return archfixture.rules.Catalog.build();
    }
}
