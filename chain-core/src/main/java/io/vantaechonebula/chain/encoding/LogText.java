package io.vantaechonebula.chain.encoding;

/**
 * Text from outside (a node id, an error that quotes a payload) as it may go into a log line:
 * control characters, CR and LF among them, become {@code \\uXXXX} so that nobody can forge a
 * line of their own, and the text is cut at {@value #MAX_LENGTH} characters.
 */
public final class LogText {

    public static final int MAX_LENGTH = 200;

    private LogText() {
    }

    public static String of(Object text) {
        if (text == null) {
            return "null";
        }
        String value = text.toString();
        int length = Math.min(value.length(), MAX_LENGTH);
        StringBuilder out = new StringBuilder(length + 8);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > MAX_LENGTH) {
            out.append("… (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }
}
