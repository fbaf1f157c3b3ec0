package dev.migrationguard.liquibase;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads an XML changelog with the JDK's StAX parser into {@link ChangeNode}s that remember their line and column. */
final class XmlChangelogParser {
    private static final XMLInputFactory FACTORY = factory();

    private XmlChangelogParser() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // A changelog is read, never resolved: no DTDs, no external entities, nothing fetched.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The root element, or a {@link ChangelogSyntaxError} with the parser's position. */
    static ChangeNode parse(String content) {
        XMLStreamReader r = null;
        LineIndex lines = new LineIndex(content);
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(content));
            Deque<Building> open = new ArrayDeque<>();
            ChangeNode root = null;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String prefix = r.getAttributePrefix(i);
                            if (prefix != null && !prefix.isEmpty()) continue; // xsi:schemaLocation and the like
                            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        int[] at = lines.startOfTag(r.getLocation().getCharacterOffset(), r.getLocalName(),
                                r.getLocation().getLineNumber(), r.getLocation().getColumnNumber());
                        open.push(new Building(r.getLocalName(), attrs, at[0], at[1]));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!open.isEmpty()) open.peek().text.append(r.getText());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        ChangeNode done = open.pop().build();
                        if (open.isEmpty()) root = done;
                        else open.peek().children.add(done);
                    }
                    default -> {
                    }
                }
            }
            if (root == null) throw new ChangelogSyntaxError("no root element", 1, 1);
            return root;
        } catch (XMLStreamException e) {
            var loc = e.getLocation();
            String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
            int cut = message.indexOf("Message: ");
            if (cut >= 0) message = message.substring(cut + "Message: ".length());
            throw new ChangelogSyntaxError("not well-formed XML: " + message.strip(),
                    loc == null ? 1 : loc.getLineNumber(), loc == null ? 1 : loc.getColumnNumber());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a string releases nothing
                }
            }
        }
    }

    private static final class Building {
        final String name;
        final Map<String, String> attrs;
        final int line;
        final int column;
        final List<ChangeNode> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Building(String name, Map<String, String> attrs, int line, int column) {
            this.name = name;
            this.attrs = attrs;
            this.line = line;
            this.column = column;
        }

        ChangeNode build() {
            return new ChangeNode(name, attrs, children, text.toString().strip(), line, column);
        }
    }

    /** Line starts of a text, to turn StAX's "end of the start tag" position into the tag's own '<'. */
    static final class LineIndex {
        private final String content;
        private final int[] starts;

        LineIndex(String content) {
            this.content = content;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < content.length(); i++) if (content.charAt(i) == '\n') s.add(i + 1);
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        /** StAX reports the end of a start tag; its own '<' is the last one before (attributes hold no raw '<'). */
        int[] startOfTag(int offset, String localName, int fallbackLine, int fallbackColumn) {
            if (offset > 0 && offset <= content.length()) {
                int lt = content.lastIndexOf('<', offset - 1);
                if (lt >= 0) {
                    String tag = content.substring(lt + 1, Math.min(content.length(), lt + 1 + 100));
                    int colon = tag.indexOf(':');
                    if (tag.startsWith(localName) || (colon >= 0 && tag.startsWith(localName, colon + 1))) {
                        return position(lt);
                    }
                }
            }
            return new int[]{fallbackLine, Math.max(1, fallbackColumn)};
        }

        /** The offset of the first character of a line (1-based), clamped to the text. */
        int offsetOfLine(int line) {
            return starts[Math.min(Math.max(line, 1), starts.length) - 1];
        }

        int[] position(int offset) {
            int lo = 0;
            int hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= offset) lo = mid;
                else hi = mid - 1;
            }
            return new int[]{lo + 1, offset - starts[lo] + 1};
        }
    }
}
