package org.titlecert.certificate;

/** Whether a certificate's PDF exists (已生成 / 未生成). */
public enum GenerationStatus {
    /** No PDF yet because the holder has no ID photo. */
    NOT_GENERATED("未生成"),
    /** Waiting for a worker, or being rendered. */
    QUEUED("生成中"),
    GENERATED("已生成"),
    /** The template could not draw it; the reason says why. */
    FAILED("生成失败");

    private final String label;

    GenerationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
