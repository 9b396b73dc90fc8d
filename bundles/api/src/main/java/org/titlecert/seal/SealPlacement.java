package org.titlecert.seal;

import org.titlecert.template.Area;

/**
 * Where a seal goes, as the template reserved it.
 *
 * @param area   the place for the seal image
 * @param avoid  what the seal must not cover, the QR code with its quiet zone; {@code null} for nothing
 * @param reason the signature's stated reason, e.g. {@code 评审组织盖章}
 */
public record SealPlacement(Area area, Area avoid, String reason) {
}
