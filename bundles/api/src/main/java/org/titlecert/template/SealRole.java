package org.titlecert.template;

/** Whose seal a place on the certificate is for. */
public enum SealRole {
    /** 评审组织: the evaluation committee. */
    COMMITTEE,
    /** 发证机关: the issuing authority. */
    ISSUING_AUTHORITY
}
