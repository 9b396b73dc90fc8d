package org.titlecert.template;

/** The place a template reserves for one seal. */
public record SealArea(SealRole role, Area area) {
}
