package org.titlecert.seal;

/** A seal that could not be applied; the message is Chinese and shown to admins. */
public class SealException extends Exception {

    private static final long serialVersionUID = 1L;

    public SealException(String message, Throwable cause) {
        super(message, cause);
    }
}
