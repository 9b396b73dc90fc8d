package org.titlecert.clock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ZoneClockTest {

    @Test
    void theZoneIsTheConfiguredOne() {
        assertThat(ZoneClock.zone(" Asia/Shanghai ")).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(ZoneClock.zone("Asia/Urumqi")).isEqualTo(ZoneId.of("Asia/Urumqi"));
    }

    @Test
    void aZoneThatIsNotOneIsNamed() {
        assertThatThrownBy(() -> ZoneClock.zone("Beijing")).hasMessageContaining("zone = Beijing")
                .hasMessageContaining("org.titlecert.clock.cfg");
    }
}
