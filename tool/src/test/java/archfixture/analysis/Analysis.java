package archfixture.analysis;

/** The analysis the rules see, holding the orchestrator. */
public record Analysis(archfixture.engine.Engine engine) {
}
