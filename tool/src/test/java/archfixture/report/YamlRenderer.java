package archfixture.report;

/** A renderer that writes YAML itself, although only the stacks, springboot and config may touch a YAML library. */
public final class YamlRenderer {
    public Object factory() {
        return new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();
    }
}
