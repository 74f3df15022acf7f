package io.vantaechonebula.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsSourceTest {

    private static SettingsSource of(Map<String, String> values) {
        return new SettingsSource(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void aFlagTakesTheWordsMicroProfileConfigTakes() {
        SettingsSource settings = of(Map.of("a", "yes", "b", "OFF", "c", " 1 "));
        assertThat(settings.flag("a", false)).isTrue();
        assertThat(settings.flag("b", true)).isFalse();
        assertThat(settings.flag("c", false)).isTrue();
        assertThat(settings.flag("unset", true)).isTrue();
        assertThatThrownBy(() -> of(Map.of("vanta.mining.enabled", "perhaps")).flag("vanta.mining.enabled", true))
                .hasMessage("vanta.mining.enabled takes true or false, not 'perhaps'");
    }

    @Test
    void numbersAreCheckedAgainstWhatTheyCount() {
        SettingsSource settings = of(Map.of("threads", "0", "capacity", "-3", "blank", "  "));
        assertThat(settings.count("threads", 1)).isZero();
        assertThat(settings.positive("blank", 7)).as("a blank value is no value").isEqualTo(7);
        assertThatThrownBy(() -> settings.positive("threads", 1)).hasMessage("threads takes a positive whole number, not '0'");
        assertThatThrownBy(() -> settings.count("capacity", 1)).hasMessage("capacity takes a whole number, 0 or more, not '-3'");
    }

    @Test
    void aListIsCommaSeparated() {
        assertThat(of(Map.of("chains", " testnet , ,mainnet")).list("chains")).contains(List.of("testnet", "mainnet"));
        assertThat(of(Map.of()).list("chains")).isEmpty();
    }
}
