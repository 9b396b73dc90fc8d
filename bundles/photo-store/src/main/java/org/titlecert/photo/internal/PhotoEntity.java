package org.titlecert.photo.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.photo.PhotoInfo;

/**
 * One uploaded photo of a person; the newest is the current one. Older ones are kept for a while as
 * history, and their file is removed when no photo record refers to it any more.
 */
@Entity
@Table(name = "TC_PHOTO", indexes = {
        @Index(name = "TC_PHOTO_PERSON", columnList = "PERSON_ID,ID"),
        @Index(name = "TC_PHOTO_SHA", columnList = "SHA256")})
public class PhotoEntity {

    @Id
    @TableGenerator(name = "photoIds", table = "TC_PHOTO_SEQ", pkColumnValue = "PHOTO", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "photoIds")
    private long id;

    @Column(name = "PERSON_ID", nullable = false)
    private long personId;

    @Column(name = "SHA256", nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "BYTE_SIZE", nullable = false)
    private long size;

    @Column(name = "UPLOADED_BY", nullable = false, length = 100)
    private String uploadedBy;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    public PhotoEntity() {
    }

    PhotoEntity(long personId, String sha256, int width, int height, long size, String uploadedBy, LocalDateTime now) {
        this.personId = personId;
        this.sha256 = sha256;
        this.width = width;
        this.height = height;
        this.size = size;
        this.uploadedBy = uploadedBy;
        this.createdAt = now;
    }

    long getId() {
        return id;
    }

    String getSha256() {
        return sha256;
    }

    PhotoInfo toDto() {
        return new PhotoInfo(personId, sha256, width, height, size, createdAt.toInstant(ZoneOffset.UTC));
    }
}
