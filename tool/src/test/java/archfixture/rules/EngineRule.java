package archfixture.rules;

/** A rule that reads the orchestrator's analysis, while the orchestrator runs it: a cycle. */
public final class EngineRule {
    public Object check(archfixture.engine.Engine engine) {
        return engine;
    }
}
