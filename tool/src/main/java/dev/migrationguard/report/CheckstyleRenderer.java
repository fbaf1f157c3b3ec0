package dev.migrationguard.report;

import dev.migrationguard.model.Finding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;

/**
 * Checkstyle's XML ({@code <checkstyle><file name><error line column severity message source>}), the format reviewdog
 * and many CI plugins read. As in Checkstyle, suppressed findings are left out; a finding about a file as a whole has
 * no line or column (reviewdog reads that as a file-level comment).
 */
public final class CheckstyleRenderer implements Renderer {
    @Override
    public void write(Report report, Appendable out) throws IOException {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (!f.suppressed()) byFile.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f);
        }
        try {
            var xml = new Xml(out);
            xml.start("checkstyle").attribute("version", "4.3");
            for (var file : byFile.entrySet()) {
                xml.start("file").attribute("name", file.getKey());
                for (Finding f : file.getValue()) {
                    xml.empty("error");
                    if (!f.location().isWholeFile()) {
                        xml.attribute("line", String.valueOf(f.location().line()))
                                .attribute("column", String.valueOf(f.location().column()));
                    }
                    xml.attribute("severity", f.severity().id())
                            .attribute("message", f.hint() == null ? f.message() : f.message() + " Hint: " + f.hint())
                            .attribute("source", Report.TOOL + "." + f.rule());
                }
                xml.end();
            }
            xml.end().finish();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the Checkstyle report: " + e.getMessage(), e);
        }
    }
}
