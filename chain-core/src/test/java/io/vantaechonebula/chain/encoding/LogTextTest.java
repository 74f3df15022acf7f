package io.vantaechonebula.chain.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void aLineBreakCannotStartALineOfItsOwn() {
        assertThat(LogText.of("node-1\r\nSEVERE: forged")).isEqualTo("node-1\\u000d\\u000aSEVERE: forged").doesNotContain("\n", "\r");
        assertThat(LogText.of("a\u2028b\u0000c")).isEqualTo("a\\u2028b\\u0000c");
    }

    @Test
    void longTextIsCutAndSaysHowLongItWas() {
        String cut = LogText.of("x".repeat(10_000));
        assertThat(cut).startsWith("x".repeat(LogText.MAX_LENGTH)).endsWith("… (10000 characters)").hasSizeLessThan(LogText.MAX_LENGTH + 30);
    }

    @Test
    void ordinaryTextAndNullPassAsTheyAre() {
        assertThat(LogText.of("basic-01 on testnet")).isEqualTo("basic-01 on testnet");
        assertThat(LogText.of(null)).isEqualTo("null");
    }
}
