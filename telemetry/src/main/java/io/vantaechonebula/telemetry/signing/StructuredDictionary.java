package io.vantaechonebula.telemetry.signing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Structured Field dictionary (RFC 8941 §3.2) as Signature-Input, Signature and Content-Digest
 * carry it: members whose value is an inner list of strings, a byte sequence, an integer, a string
 * or a token, each with parameters. Parsed strictly; anything else is refused, and a header longer
 * than {@value #MAX_LENGTH} characters is not read at all.
 */
public final class StructuredDictionary {

    public static final int MAX_LENGTH = 8192;
    private static final int MAX_MEMBERS = 16;
    private static final int MAX_ITEMS = 32;

    /** A member's value ({@code List<String>}, {@code byte[]}, {@code Long}, {@code String} or {@link Token}) and its parameters, in order. */
    public record Member(Object value, Map<String, Object> parameters) {
    }

    /** A bare token, as opposed to a quoted string. */
    public record Token(String text) {
    }

    private final String text;
    private int at;

    private StructuredDictionary(String text) {
        this.text = text;
    }

    public static Map<String, Member> parse(String header, String name) throws SignatureException {
        if (header == null) {
            throw new SignatureException("the " + name + " header is missing");
        }
        if (header.length() > MAX_LENGTH) {
            throw new SignatureException("the " + name + " header is " + header.length() + " characters; at most " + MAX_LENGTH + " are read");
        }
        try {
            return new StructuredDictionary(header).dictionary();
        } catch (IllegalArgumentException e) {
            throw new SignatureException("the " + name + " header is not a structured field dictionary (RFC 8941): " + e.getMessage());
        }
    }

    private Map<String, Member> dictionary() {
        Map<String, Member> members = new LinkedHashMap<>();
        skipSpaces();
        while (at < text.length()) {
            String key = key();
            Member member;
            if (peek() == '=') {
                at++;
                member = peek() == '(' ? new Member(innerList(), parameters()) : new Member(bareItem(), parameters());
            } else {
                member = new Member(Boolean.TRUE, parameters());
            }
            members.put(key, member);
            if (members.size() > MAX_MEMBERS) {
                throw new IllegalArgumentException("more than " + MAX_MEMBERS + " members");
            }
            skipOptionalWhitespace();
            if (at >= text.length()) {
                break;
            }
            expect(',');
            skipOptionalWhitespace();
            if (at >= text.length()) {
                throw new IllegalArgumentException("a trailing comma");
            }
        }
        return Collections.unmodifiableMap(members);
    }

    private List<String> innerList() {
        expect('(');
        List<String> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (peek() == ')') {
                at++;
                return List.copyOf(items);
            }
            Object item = bareItem();
            if (!(item instanceof String s)) {
                throw new IllegalArgumentException("an inner list here holds strings only");
            }
            if (peek() == ';') {
                throw new IllegalArgumentException("component parameters are not supported");
            }
            items.add(s);
            if (items.size() > MAX_ITEMS) {
                throw new IllegalArgumentException("more than " + MAX_ITEMS + " items in a list");
            }
            char next = peek();
            if (next != ' ' && next != ')') {
                throw new IllegalArgumentException("expected a space or ')' at " + at);
            }
        }
    }

    private Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        while (peek() == ';') {
            at++;
            skipSpaces();
            String key = key();
            Object value = Boolean.TRUE;
            if (peek() == '=') {
                at++;
                value = bareItem();
            }
            parameters.put(key, value);
            if (parameters.size() > MAX_ITEMS) {
                throw new IllegalArgumentException("more than " + MAX_ITEMS + " parameters");
            }
        }
        return Collections.unmodifiableMap(parameters);
    }

    private Object bareItem() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            return byteSequence();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return integer();
        }
        if (c == '*' || Character.isLetter(c) && c < 128) {
            return token();
        }
        throw new IllegalArgumentException("an unexpected character at " + at);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '\\') {
                char escaped = at < text.length() ? text.charAt(at++) : 0;
                if (escaped != '"' && escaped != '\\') {
                    throw new IllegalArgumentException("a bad escape in a string");
                }
                out.append(escaped);
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("a string holds printable ASCII only");
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("a string without its closing quote");
    }

    private byte[] byteSequence() {
        expect(':');
        int end = text.indexOf(':', at);
        if (end < 0) {
            throw new IllegalArgumentException("a byte sequence without its closing colon");
        }
        String base64 = text.substring(at, end);
        at = end + 1;
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a byte sequence that is not base64");
        }
    }

    private Long integer() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at)) && at - start < 16) {
            at++;
        }
        if (at < text.length() && Character.isDigit(text.charAt(at))) {
            throw new IllegalArgumentException("an integer of more than 15 digits");
        }
        if (peek() == '.') {
            throw new IllegalArgumentException("decimals are not taken here");
        }
        try {
            return Long.parseLong(text.substring(start, at));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a bad integer");
        }
    }

    private Token token() {
        int start = at;
        at++;
        while (at < text.length() && isTokenChar(text.charAt(at))) {
            at++;
        }
        return new Token(text.substring(start, at));
    }

    private String key() {
        int start = at;
        char first = peek();
        if (!(first == '*' || (first >= 'a' && first <= 'z'))) {
            throw new IllegalArgumentException("a key must start with a lowercase letter or '*' at " + at);
        }
        at++;
        while (at < text.length()) {
            char c = text.charAt(at);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '*') {
                at++;
            } else {
                break;
            }
        }
        return text.substring(start, at);
    }

    private static boolean isTokenChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0);
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at);
        }
        at++;
    }

    private void skipSpaces() {
        while (peek() == ' ') {
            at++;
        }
    }

    private void skipOptionalWhitespace() {
        while (peek() == ' ' || peek() == '\t') {
            at++;
        }
    }

    /** An sf-string, quoted and escaped (RFC 8941 §4.1.6). */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("a structured string holds printable ASCII only");
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
