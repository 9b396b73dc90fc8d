package org.titlecert.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint a 查验单位's account may call. A verifier reaches nothing else but public endpoints, whatever the
 * domain services would answer it: it never comes near a unit's or a person's records.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface ForVerifiers {
}
