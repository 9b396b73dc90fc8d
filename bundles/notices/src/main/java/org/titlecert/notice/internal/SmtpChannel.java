package org.titlecert.notice.internal;

import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.notice.Message;
import org.titlecert.notice.NotificationChannel;
import org.titlecert.notice.Recipient;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** E-mail through the province's SMTP server (Jakarta Mail), to holders who gave an address. */
@Component(service = NotificationChannel.class, configurationPid = SmtpConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmtpConfig.class)
public class SmtpChannel implements NotificationChannel {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{1,63}");

    private final SmtpConfig config;
    private final Session session;
    private final InternetAddress from;

    @Activate
    public SmtpChannel(SmtpConfig config) throws MessagingException {
        this.config = config;
        String protocol = "tls".equalsIgnoreCase(config.security()) ? "smtps" : "smtp";
        String timeout = String.valueOf(Math.max(1, config.timeoutSeconds()) * 1000L);
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", config.host());
        p.put("mail." + protocol + ".port", String.valueOf(config.port()));
        p.put("mail." + protocol + ".connectiontimeout", timeout);
        p.put("mail." + protocol + ".timeout", timeout);
        p.put("mail." + protocol + ".writetimeout", timeout);
        p.put("mail." + protocol + ".auth", String.valueOf(!config.username().isEmpty()));
        if ("starttls".equalsIgnoreCase(config.security())) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        p.put("mail.mime.charset", "UTF-8");
        // the mail API finds its SMTP provider through the class loader that loaded it
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Session.class.getClassLoader());
        try {
            this.session = Session.getInstance(p);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        this.from = new InternetAddress(config.from(), true);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.ofNullable(recipient.email()).map(String::strip).filter(e -> EMAIL.matcher(e).matches());
    }

    @Override
    public void deliver(String address, Message message) throws MessagingException {
        MimeMessage mail = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // the notice's key: a repeated delivery is recognisably the same message
                setHeader("Message-ID", "<" + message.reference().replaceAll("[^A-Za-z0-9.-]", ".") + "@titlecert>");
            }
        };
        mail.setFrom(from);
        mail.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(address, true));
        mail.setSubject(message.title(), "UTF-8");
        mail.setSentDate(new Date());
        mail.setText(message.body() + (message.link() == null ? "" : "\n\n" + message.link())
                + "\n\n（本邮件由系统自动发送，请勿直接回复。）", "UTF-8");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Session.class.getClassLoader());
        try {
            if (config.username().isEmpty()) {
                Transport.send(mail);
            } else {
                Transport.send(mail, config.username(), config.password());
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
