package org.titlecert.photo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.api.BoundedInputStream;
import org.titlecert.api.Caller;
import org.titlecert.api.ResidentId;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.filing.PersonDirectory;
import org.titlecert.jpa.Transactions;
import org.titlecert.photo.ImportedPhoto;
import org.titlecert.photo.Photo;
import org.titlecert.photo.PhotoEdit;
import org.titlecert.photo.PhotoInfo;
import org.titlecert.photo.PhotoService;
import org.titlecert.store.ContentStore;
import org.titlecert.store.ContentStores;
import org.titlecert.jpa.Schema;

/** Photos in the content store, with the current one and the history in TC_PHOTO. */
@Component(service = PhotoService.class, configurationPid = PhotoConfig.PID)
@Designate(ocd = PhotoConfig.class)
public class JpaPhotoService implements PhotoService {

    private static final String FORBIDDEN = "无权更换该人员的照片：照片只能由本人、系统管理员或签发其全部证书的单位上传";

    private final Transactions jpa;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    private volatile PhotoConfig config;
    private volatile PhotoNormalizer normalizer;
    private final ContentStore store;

    @Activate
    public JpaPhotoService(@Reference(target = "(&(osgi.unit.name=titlecert-photo)" + Schema.CURRENT + ")") EntityManagerFactory emf,
                           @Reference PersonDirectory persons, @Reference AuditLog audit,
                           @Reference ContentStores stores, PhotoConfig config) {
        this.jpa = new Transactions(emf);
        this.store = stores.area(PhotoFiles.AREA, PhotoFiles.EXTENSION);
        this.persons = persons;
        this.audit = audit;
        modified(config);
    }

    @Modified
    void modified(PhotoConfig c) {
        this.config = c;
        this.normalizer = new PhotoNormalizer(new PhotoNormalizer.Limits(c.maxUploadMb() * 1024L * 1024L,
                c.maxMegapixels() * 1_000_000L, c.minShortSide(), c.minLongSide()), c.width(), c.height(),
                c.jpegQuality() / 100f);
    }

    @Override
    public int[] size() {
        return new int[] {config.width(), config.height()};
    }

    @Override
    public PhotoInfo put(Caller caller, long personId, byte[] image, PhotoEdit edit) {
        if (!mayWrite(caller, personId)) {
            audit.record(caller, "PHOTO_UPLOAD", "person:" + personId, Outcome.DENIED, "PHOTO_FORBIDDEN");
            throw forbidden();
        }
        PhotoInfo info;
        try {
            info = store(caller, personId, image, edit);
        } catch (TitleCertException e) {
            audit.record(caller, "PHOTO_UPLOAD", "person:" + personId, Outcome.FAILURE, e.code());
            throw e;
        }
        audit.record(caller, "PHOTO_UPLOAD", "person:" + personId, Outcome.SUCCESS, info.sha256());
        return info;
    }

    /** Normalises, stores the file, then records it as current; prunes history and posts the change. */
    private PhotoInfo store(Caller caller, long personId, byte[] image, PhotoEdit edit) {
        PhotoNormalizer.Result r = normalizer.normalize(image, edit == null ? PhotoEdit.NONE : edit);
        String sha = store.put(r.jpeg());
        int kept = Math.max(1, config.historyKept());
        List<String> pruned = new ArrayList<>();
        PhotoInfo info;
        try {
            info = jpa.call(em -> {
                PhotoEntity p = new PhotoEntity(personId, sha, r.width(), r.height(), r.jpeg().length,
                        caller.principal(), LocalDateTime.now(clock));
                em.persist(p);
                em.flush();
                CurrentPhotoEntity current = em.find(CurrentPhotoEntity.class, personId);
                if (current == null) {
                    em.persist(new CurrentPhotoEntity(personId, p.getId()));
                } else {
                    current.setPhotoId(p.getId());
                }
                List<PhotoEntity> history = em.createQuery("SELECT p FROM PhotoEntity p WHERE p.personId = :id "
                        + "ORDER BY p.id DESC", PhotoEntity.class).setParameter("id", personId).getResultList();
                for (PhotoEntity old : history.subList(Math.min(kept, history.size()), history.size())) {
                    pruned.add(old.getSha256());
                    em.remove(old);
                }
                return p.toDto();
            });
        } catch (PersistenceException e) {
            throw TitleCertException.conflict("PHOTO_CONCURRENT", "照片正在更新，请稍后重试");
        }
        for (String old : pruned) {
            boolean referenced = jpa.call(em -> em.createQuery("SELECT COUNT(p) FROM PhotoEntity p "
                    + "WHERE p.sha256 = :s", Long.class).setParameter("s", old).getSingleResult() > 0);
            if (!referenced) {
                store.delete(old);
            }
        }
        EventAdmin ea = events;
        if (ea != null) {
            // sent, not posted: whoever reacts (the certificate engine queues the person's certificates) has done
            // so before the upload answers
            ea.sendEvent(new Event(TOPIC_CHANGED, Map.of("personId", personId, "sha256", sha)));
        }
        return info;
    }

    @Override
    public Optional<PhotoInfo> info(Caller caller, long personId) {
        if (!mayRead(caller, personId)) {
            return Optional.empty();
        }
        return current(personId);
    }

    private Optional<PhotoInfo> current(long personId) {
        return jpa.call(em -> Optional.ofNullable(em.find(CurrentPhotoEntity.class, personId))
                .map(c -> em.find(PhotoEntity.class, c.getPhotoId())).map(PhotoEntity::toDto));
    }

    @Override
    public Photo get(Caller caller, long personId) {
        PhotoInfo info = info(caller, personId)
                .orElseThrow(() -> TitleCertException.notFound("PHOTO_NOT_FOUND", "尚未上传照片"));
        // someone else's photo viewed from outside; the platform's own reads (no address) are not people's acts
        if ((caller.personId() == null || caller.personId() != personId) && caller.address() != null) {
            audit.record(caller, "PHOTO_VIEW", "person:" + personId, Outcome.SUCCESS, null);
        }
        return new Photo(info, store.get(info.sha256()));
    }

    @Override
    public List<ImportedPhoto> importZip(Caller caller, InputStream zip) {
        if (!caller.isAdmin()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅管理人员可以批量导入照片");
        }
        long maxZip = config.maxZipMb() * 1024L * 1024L;
        PushbackInputStream head = new PushbackInputStream(new BoundedInputStream(zip, maxZip, () ->
                TitleCertException.tooLarge("ZIP_TOO_LARGE", "压缩文件超过 " + config.maxZipMb() + " MB")), 2);
        List<ImportedPhoto> report = new ArrayList<>();
        long maxBytes = config.maxUploadMb() * 1024L * 1024L;
        // photos are JPEG or PNG and barely compress: a ZIP that inflates to far more than it weighs is a bomb
        BoundedInputStream inflated;
        try {
            byte[] magic = head.readNBytes(2);
            if (magic.length == 0) {
                throw TitleCertException.invalid("ZIP_EMPTY", "压缩文件为空");
            }
            if (magic.length < 2 || magic[0] != 'P' || magic[1] != 'K') {
                throw TitleCertException.unsupported("ZIP_TYPE", "请上传 ZIP 格式的压缩文件");
            }
            head.unread(magic);
        } catch (IOException e) {
            throw TitleCertException.invalid("UPLOAD_FAILED", "上传中断，请重试");
        }
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(head, java.nio.charset.Charset.forName("GB18030"))) {
            inflated = new BoundedInputStream(in, 2 * maxZip, () -> TitleCertException.tooLarge("ZIP_BOMB",
                    "压缩文件解压后过大，已导入的照片保留，其余未导入"));
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName().replace('\\', '/');
                String file = name.substring(name.lastIndexOf('/') + 1);
                if (++entries > config.maxZipEntries()) {
                    report.add(new ImportedPhoto(file, null, "ZIP_TOO_MANY_FILES",
                            "文件数超过 " + config.maxZipEntries() + "，其余未导入"));
                    break;
                }
                if (e.isDirectory() || file.isEmpty() || file.startsWith(".") || name.startsWith("__MACOSX/")) {
                    inflated.transferTo(OutputStream.nullOutputStream());
                    continue;
                }
                byte[] data = inflated.readNBytes((int) Math.min(Integer.MAX_VALUE, maxBytes + 1));
                inflated.transferTo(OutputStream.nullOutputStream());
                report.add(importOne(caller, file, data, maxBytes));
            }
        } catch (TitleCertException ex) {
            if (report.isEmpty() && ex.code().equals("ZIP_TOO_LARGE")) {
                throw ex;
            }
            report.add(new ImportedPhoto("", null, ex.code(), ex.getMessage()));
        } catch (IOException | IllegalArgumentException ex) {
            report.add(new ImportedPhoto("", null, "ZIP_CORRUPT", "压缩文件已损坏，已导入的照片保留，其余未导入"));
        }
        long ok = report.stream().filter(ImportedPhoto::ok).count();
        audit.record(caller, "PHOTO_IMPORT", null, ok == report.size() ? Outcome.SUCCESS : Outcome.FAILURE,
                ok + "/" + report.size() + " 张导入成功");
        return report;
    }

    private ImportedPhoto importOne(Caller caller, String file, byte[] data, long maxBytes) {
        String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        String id = stem.strip().toUpperCase();
        if (!ResidentId.isValid(id)) {
            return new ImportedPhoto(file, null, "FILE_NAME", "文件名应为身份证号码，如 34010419900517555X.jpg");
        }
        String masked = ResidentId.mask(id);
        if (data.length > maxBytes) {
            return new ImportedPhoto(file, masked, "PHOTO_TOO_LARGE", "照片文件超过大小限制");
        }
        Optional<Long> person = persons.find(id).filter(p -> caller.isSystem() || persons.inRosterOfUnit(p, caller.unitId()));
        if (person.isEmpty()) {
            return new ImportedPhoto(file, masked, "NOT_ON_ROSTER", "该人员不在本单位的人员名单中");
        }
        if (!mayWrite(caller, person.get())) {
            return new ImportedPhoto(file, masked, "PHOTO_FORBIDDEN", FORBIDDEN);
        }
        try {
            store(caller, person.get(), data, PhotoEdit.NONE);
            return new ImportedPhoto(file, masked, "OK", "已导入");
        } catch (TitleCertException ex) {
            return new ImportedPhoto(file, masked, ex.code(), ex.getMessage());
        }
    }

    /** The owner, system admins, and admins of units whose approved filings hold the person. */
    private boolean mayRead(Caller caller, long personId) {
        if (caller.isSystem()) {
            return true;
        }
        if (caller.personId() != null) {
            return caller.personId() == personId;
        }
        return caller.unitId() != null && persons.unitMayRead(personId, caller.unitId());
    }

    /**
     * The owner, system admins, and a unit whose approved filings hold all of the person's certificates. An
     * individual vouched for by a unit writes only as that unit could, so that no unit's act reaches another's
     * certificates.
     */
    private boolean mayWrite(Caller caller, long personId) {
        if (caller.isSystem()) {
            return true;
        }
        if (caller.role() == Role.INDIVIDUAL) {
            return caller.personId() != null && caller.personId() == personId
                    && (caller.unitId() == null || persons.unitMayWrite(personId, caller.unitId()));
        }
        return caller.unitId() != null && persons.unitMayWrite(personId, caller.unitId());
    }

    private static TitleCertException forbidden() {
        return TitleCertException.forbidden("PHOTO_FORBIDDEN", FORBIDDEN);
    }
}
