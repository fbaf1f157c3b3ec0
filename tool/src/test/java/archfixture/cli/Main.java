package archfixture.cli;

/** The command line. */
public final class Main {
    public static void print(Object o) {
        System.out.println(o);
    }
}
