package dev.migrationguard.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An indented XML document over the JDK's StAX writer, which does the escaping. Characters XML 1.0 cannot carry
 * (control characters from a binary-looking file) become U+FFFD rather than an unreadable report.
 */
final class Xml {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private final Appendable out;
    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter writer;
    /** For each open element: whether it has child elements, so its end tag goes on its own line. */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    Xml(Appendable out) throws XMLStreamException {
        this.out = out;
        this.writer = FACTORY.createXMLStreamWriter(buffer);
        writer.writeStartDocument("UTF-8", "1.0");
    }

    Xml start(String name) throws XMLStreamException {
        indent();
        writer.writeStartElement(name);
        open.push(new boolean[]{false});
        return this;
    }

    Xml empty(String name) throws XMLStreamException {
        indent();
        writer.writeEmptyElement(name);
        return this;
    }

    Xml attribute(String name, String value) throws XMLStreamException {
        writer.writeAttribute(name, clean(value));
        return this;
    }

    Xml text(String value) throws XMLStreamException {
        writer.writeCharacters(clean(value));
        return this;
    }

    Xml end() throws XMLStreamException {
        boolean[] hasChildren = open.pop();
        if (hasChildren[0]) {
            writer.writeCharacters("\n" + "  ".repeat(open.size()));
        }
        writer.writeEndElement();
        return this;
    }

    void finish() throws XMLStreamException, IOException {
        writer.writeEndDocument();
        writer.close();
        out.append(buffer.toString()).append('\n');
    }

    private void indent() throws XMLStreamException {
        if (!open.isEmpty()) open.peek()[0] = true;
        writer.writeCharacters("\n" + "  ".repeat(open.size()));
    }

    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            b.appendCodePoint(legal ? c : 0xFFFD);
        });
        return b.toString();
    }
}
