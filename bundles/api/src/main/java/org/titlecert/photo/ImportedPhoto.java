package org.titlecert.photo;

/**
 * One file of a bulk photo import.
 *
 * @param idNumber the ID number the file name gave, masked
 * @param code     {@code OK}, or the stable code of the refusal
 * @param message  what happened, in Chinese
 */
public record ImportedPhoto(String file, String idNumber, String code, String message) {

    public boolean ok() {
        return "OK".equals(code);
    }
}
