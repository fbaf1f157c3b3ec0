package archfixture.engine;

/** The orchestrator running a rule, reading the configuration and printing through the command line. */
public final class Engine {
    public Object run() {
        new archfixture.rules.EngineRule().check(this);
        archfixture.cli.Main.print(new archfixture.config.Config());
        return this;
    }
}
