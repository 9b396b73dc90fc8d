package org.titlecert.notice.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.jpa.Schema;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;
import org.titlecert.notice.Message;
import org.titlecert.notice.NotificationChannel;
import org.titlecert.notice.Recipient;

/** The message centre (我的消息): every holder is reached here, whether or not they have an account yet. */
@Component(service = NotificationChannel.class)
public class InAppChannel implements BatchChannel {

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
        deliverAll(List.of(message));
    }

    /** Writes each message once, in one transaction. */
    @Override
    public void deliverAll(List<Message> messages) {
        jpa.run(em -> {
            Set<String> there = new HashSet<>(em.createQuery("SELECT n.reference FROM NoticeEntity n "
                    + "WHERE n.reference IN :r", String.class).setParameter("r", Sql.inList(messages.stream()
                    .map(Message::reference).toList())).getResultList());
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            for (Message m : messages) {
                if (there.add(m.reference())) {
                    em.persist(new NoticeEntity(m, now));
                }
            }
        });
    }
}
