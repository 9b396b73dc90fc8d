package org.titlecert.notice.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.notice.Message;
import org.titlecert.notice.NotificationChannel;
import org.titlecert.notice.Recipient;

/**
 * Stands in for an SMS gateway: writes each text message to the log (the number masked) instead of sending it. On
 * while {@code etc/org.titlecert.notice.sms.cfg} is there (the distribution ships it); a province removes it and
 * plugs in its gateway as another {@link NotificationChannel} named {@code sms}.
 */
@Component(service = NotificationChannel.class, configurationPid = "org.titlecert.notice.sms",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class SmsLogChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger("org.titlecert.notice.sms");
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.ofNullable(recipient.mobile()).filter(m -> MOBILE.matcher(m).matches());
    }

    @Override
    public void deliver(String address, Message message) {
        LOG.info("短信（模拟） {}****{}：【{}】{}", address.substring(0, 3), address.substring(7), message.title(),
                message.body());
    }
}
