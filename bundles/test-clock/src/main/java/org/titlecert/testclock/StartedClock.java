package org.titlecert.testclock;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.titlecert.api.PlatformClock;

/** The platform's clock as if it had been {@code start} when this bundle started, running on from there. */
@Component(configurationPid = "org.titlecert.testclock", configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "service.ranking:Integer=100")
public class StartedClock implements PlatformClock {

    @ObjectClassDefinition(name = "TitleCert test clock")
    @interface Config {
        @AttributeDefinition(description = "ISO-8601 date and time with its offset, such as 2026-12-03T00:30+08:00")
        String start();

        String zone() default "Asia/Shanghai";
    }

    private final Clock clock;

    @Activate
    public StartedClock(Config config) {
        Clock system = Clock.system(ZoneId.of(config.zone()));
        clock = Clock.offset(system, Duration.between(system.instant(), OffsetDateTime.parse(config.start())));
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
