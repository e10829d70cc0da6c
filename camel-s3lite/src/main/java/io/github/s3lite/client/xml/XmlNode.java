package io.github.s3lite.client.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A tiny read-only element tree built with the JDK's own StAX parser (pinned with
 * {@link XMLInputFactory#newDefaultFactory()}, so Woodstox or another implementation on the classpath is not
 * picked up; no DTDs, no external entities). S3's responses are small, flat documents; a tree keeps each parser
 * a few readable lines. Callers bound the input's size.
 */
public record XmlNode(String name, String text, List<XmlNode> children) {

    private static final XMLInputFactory FACTORY = createFactory();

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Thrown for input that is not well-formed XML (not for I/O failures of the stream). */
    public static final class MalformedXmlException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedXmlException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Parses a document. A failure of the stream itself is thrown as it is (when the parser lets it through) or
     * as {@link MalformedXmlException} with it as a cause; callers that need to tell them apart watch the stream.
     */
    public static XmlNode parse(InputStream in) throws IOException {
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(in);
            try {
                return read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new MalformedXmlException("Malformed XML from the server: " + e.getMessage(), e);
        }
    }

    private static XmlNode read(XMLStreamReader r) throws XMLStreamException {
        Deque<Builder> stack = new ArrayDeque<>();
        XmlNode root = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                stack.push(new Builder(r.getLocalName()));
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (!stack.isEmpty()) {
                    stack.peek().text.append(r.getText());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                Builder b = stack.pop();
                XmlNode node = new XmlNode(b.name, b.text.toString(), List.copyOf(b.children));
                if (stack.isEmpty()) {
                    root = node;
                } else {
                    stack.peek().children.add(node);
                }
            }
        }
        if (root == null) {
            throw new XMLStreamException("empty document");
        }
        return root;
    }

    /** First child with this name, or null. */
    public XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    public List<XmlNode> all(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Text of the first child with this name, or null. */
    public String text(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.text;
    }

    private static final class Builder {
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }
    }
}
