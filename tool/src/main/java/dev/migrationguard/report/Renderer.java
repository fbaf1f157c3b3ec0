package dev.migrationguard.report;

import java.io.IOException;

/** Writes one report in one format. Renderers are small and stateless. */
public interface Renderer {
    void write(Report report, Appendable out) throws IOException;
}
