package archfixture.spring;

/** Spring's settings reader borrowing TypeORM's parser. */
public final class Reader {
    public static Object read() {
        return archfixture.typeorm.Parser.parse();
    }
}
