package archfixture.typeorm;

/** TypeORM calling the native parser itself and the orchestrator. */
public final class Parser {
    public static Object parse() {
        new archfixture.engine.Engine().run();
        return com.caoccao.javet.swc4j.Swc4j.class;
    }
}
