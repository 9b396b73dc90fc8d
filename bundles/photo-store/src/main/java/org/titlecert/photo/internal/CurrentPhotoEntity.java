package org.titlecert.photo.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Which photo is a person's current one; versioned, so that two uploads at once cannot both win. */
@Entity
@Table(name = "TC_PHOTO_CURRENT")
public class CurrentPhotoEntity {

    @Id
    @Column(name = "PERSON_ID")
    private long personId;

    @Column(name = "PHOTO_ID", nullable = false)
    private long photoId;

    @Version
    private int version;

    public CurrentPhotoEntity() {
    }

    CurrentPhotoEntity(long personId, long photoId) {
        this.personId = personId;
        this.photoId = photoId;
    }

    long getPhotoId() {
        return photoId;
    }

    void setPhotoId(long photoId) {
        this.photoId = photoId;
    }
}
