package org.titlecert.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The platform's one clock (a service): now, and the zone in which "today" and every displayed time are computed
 * (etc/org.titlecert.clock.cfg, {@code Asia/Shanghai} unless configured). Validating dates, approving and showing
 * times all ask it, so that "today" is the same day everywhere, also between 00:00 and 08:00 Beijing time.
 */
@ConsumerType
@FunctionalInterface
public interface PlatformClock {

    /** The clock, in the platform's zone: {@code LocalDate.now(clock())} is today there. */
    Clock clock();

    default ZoneId zone() {
        return clock().getZone();
    }

    default LocalDate today() {
        return LocalDate.now(clock());
    }

    /** The platform clock that {@code clock} is (for tests and tools outside the framework). */
    static PlatformClock of(Clock clock) {
        return () -> clock;
    }
}
