package org.titlecert.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.titlecert.notice.Message;
import org.titlecert.notice.NoticeKind;
import org.titlecert.notice.Recipient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** The e-mail channel against a real SMTP server (GreenMail): Chinese subject and body, the notice's Message-ID. */
class SmtpChannelTest {

    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aNoticeArrivesAsUtf8MailWithTheNoticesKeyAsItsMessageId() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        SmtpChannel channel = new SmtpChannel(config(smtp.getSmtp().getPort()));
        Recipient who = new Recipient(7, "王丽", "13900006688", " wangli@example.com ");
        assertThat(channel.address(who)).contains("wangli@example.com");
        assertThat(channel.address(new Recipient(7, "王丽", null, "不是邮箱"))).isEmpty();

        channel.deliver("wangli@example.com", new Message("cert:501:v2", 7, 1, NoticeKind.CERTIFICATE_CORRECTED,
                "您的电子职称证书已更正", "您的高级会计师电子职称证书已依申请更正。", "https://zc.example.gov.cn/me/titles"));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("您的电子职称证书已更正");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("wangli@example.com");
        assertThat(received[0].getMessageID()).isEqualTo("<cert.501.v2@titlecert>");
        assertThat(GreenMailUtil.getBody(received[0])).isNotEmpty();
        assertThat(received[0].getContent().toString()).contains("您的高级会计师电子职称证书已依申请更正。",
                "https://zc.example.gov.cn/me/titles");
    }

    @Test
    void aServerThatIsNotThereFailsWithinTheTimeoutSoThatTheQueueRetries() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SmtpChannel channel = new SmtpChannel(config(port));
        assertThatThrownBy(() -> channel.deliver("a@example.com", new Message("x", 1, 1, NoticeKind.CERTIFICATE_ISSUED,
                "标题", "正文", null))).isInstanceOf(jakarta.mail.MessagingException.class);
    }

    private static SmtpConfig config(int port) {
        return new SmtpConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SmtpConfig.class;
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public String security() {
                return "none";
            }

            @Override
            public String username() {
                return "";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public String from() {
                return "安徽省职称证书平台 <noreply@example.gov.cn>";
            }

            @Override
            public int timeoutSeconds() {
                return 2;
            }
        };
    }
}
