package archfixture.stack;

/** A reader interface that hands back the orchestrator. */
public interface Reader {
    archfixture.engine.Engine engine();
}
