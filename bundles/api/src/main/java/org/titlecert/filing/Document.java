package org.titlecert.filing;

/** A stored document with its content. */
public record Document(DocumentInfo info, String contentType, byte[] content) {
}
