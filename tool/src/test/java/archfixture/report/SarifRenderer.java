package archfixture.report;

/** A renderer that asks the rule catalog for the rules it describes. */
public final class SarifRenderer {
    public Object rules() {
        return archfixture.rules.Catalog.build();
    }
}
