package org.titlecert.notice.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.jpa.Schema;
import org.titlecert.jpa.Transactions;
import org.titlecert.notice.Message;
import org.titlecert.notice.NotificationChannel;
import org.titlecert.notice.Recipient;

/** The message centre (我的消息): every holder is reached here, whether or not they have an account yet. */
@Component(service = NotificationChannel.class)
public class InAppChannel implements NotificationChannel {

    static final String NAME = "inapp";

    private final Transactions jpa;

    @Activate
    public InAppChannel(@Reference(target = "(&(osgi.unit.name=titlecert-notice)" + Schema.CURRENT + ")")
                        EntityManagerFactory emf) {
        this.jpa = new Transactions(emf);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.of("person:" + recipient.personId());
    }

    /** Writes the message once: a repeated delivery (after a crash) finds it there. */
    @Override
    public void deliver(String address, Message message) {
        jpa.run(em -> {
            boolean there = !em.createQuery("SELECT n.id FROM NoticeEntity n WHERE n.reference = :r", Long.class)
                    .setParameter("r", message.reference()).setMaxResults(1).getResultList().isEmpty();
            if (!there) {
                em.persist(new NoticeEntity(message, LocalDateTime.now(ZoneOffset.UTC)));
            }
        });
    }
}
