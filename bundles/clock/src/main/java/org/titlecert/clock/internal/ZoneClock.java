package org.titlecert.clock.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.api.PlatformClock;

/** The system's clock in the configured zone; a zone that is not one refuses to start, naming the value. */
@Component(configurationPid = ClockConfig.PID)
@Designate(ocd = ClockConfig.class)
public class ZoneClock implements PlatformClock {

    private volatile Clock clock;

    @Activate
    @Modified
    void configure(ClockConfig config) {
        clock = Clock.system(zone(config.zone()));
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone = " + id + " in etc/" + ClockConfig.PID
                    + ".cfg is not a time-zone ID (such as Asia/Shanghai)", e);
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
