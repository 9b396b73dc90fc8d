package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.RateLimiter;
import org.titlecert.api.SharedCounts;
import org.titlecert.api.TitleCertException;
import org.titlecert.identity.Captcha;
import org.titlecert.jpa.Transactions;

/**
 * Captchas: single-use, stored as the hash of the answer, expiring. Anyone may ask for one, so each address
 * may ask only so often: an anonymous client cannot fill the table.
 */
@Component(service = Captchas.class, configurationPid = IdentityConfig.PID)
public class Captchas {

    private final Transactions jpa;
    private final Clock clock = Clock.systemUTC();
    private final CaptchaImage image = new CaptchaImage();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile IdentityConfig config;
    private final SharedCounts counts;
    private volatile RateLimiter limiter;

    @Activate
    public Captchas(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                    @Reference SharedCounts counts, IdentityConfig config) {
        this.jpa = new Transactions(emf);
        this.counts = counts;
        modified(config);
    }

    @Modified
    void modified(IdentityConfig c) {
        this.config = c;
        this.limiter = new RateLimiter("captcha", c.captchasPerMinute(), 0, () -> counts);
    }

    Captcha issue(String address, boolean arithmetic) {
        int wait = limiter.acquire(address, System.nanoTime());
        if (wait > 0) {
            throw TitleCertException.tooMany("CAPTCHA_RATE_LIMITED", "获取验证码过于频繁，请 " + wait + " 秒后再试", wait);
        }
        // a sum of a two-digit and a one-digit number, drawn in four characters like the letters
        int a = 10 + Secrets.nextInt(40);
        int b = 1 + Secrets.nextInt(9);
        String answer = arithmetic ? String.valueOf(a + b) : CaptchaImage.randomAnswer(4);
        String id = Secrets.token(24);
        LocalDateTime now = LocalDateTime.now(clock);
        jpa.run(em -> {
            if (issued.incrementAndGet() % 100 == 1) {
                em.createQuery("DELETE FROM CaptchaEntity c WHERE c.expiresAt < :now").setParameter("now", now)
                        .executeUpdate();
            }
            em.persist(new CaptchaEntity(id, Secrets.sha256(answer), now.plusSeconds(config.captchaTtlSeconds())));
        });
        return new Captcha(id, image.render(arithmetic ? a + "+" + b : answer), config.testHooks() ? answer : null,
                arithmetic ? "请计算：" + a + " 加 " + b + " 等于多少？（请填写数字）" : null);
    }

    /** Uses up the captcha whatever the answer; true only for the right answer in time. */
    boolean solve(String id, String answer) {
        if (id == null || id.isBlank() || answer == null || answer.isBlank() || id.length() > 64) {
            return false;
        }
        CaptchaEntity c = jpa.call(em -> {
            CaptchaEntity found = em.find(CaptchaEntity.class, id);
            if (found != null) {
                em.remove(found);
            }
            return found;
        });
        return c != null && !c.getExpiresAt().isBefore(LocalDateTime.now(clock))
                && Secrets.equal(c.getAnswerHash(), Secrets.sha256(answer.strip().toUpperCase()));
    }
}
