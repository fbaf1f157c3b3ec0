package archfixture.model;

/** A model record that serialises itself. */
public record Finding(String rule) {
    public String json() throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(this);
    }
}
