package org.titlecert.template;

/** Content a template cannot draw faithfully; the message is Chinese and shown to admins. */
public class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public TemplateException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable code, e.g. {@code GLYPH_MISSING}. */
    public String code() {
        return code;
    }
}
