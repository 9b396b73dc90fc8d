package org.titlecert.verification;

/** How a certificate was checked, as the holder's 查验记录 names it. */
public enum CheckChannel {
    QR("扫码查验"),
    LOOKUP("编号查询"),
    FILE("文件核验"),
    BATCH("批量核验"),
    API("接口核验"),
    SHARE_CODE("授权码查验");

    private final String label;

    CheckChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
