package org.titlecert.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;

import org.junit.jupiter.api.Test;

class ExifTest {

    @Test
    void readsTheOrientationAndDefaultsToUpright() {
        byte[] jpeg = Images.jpeg(Images.halves(300, 400, Color.RED, Color.BLUE));
        assertThat(Exif.orientation(jpeg)).isEqualTo(1);
        for (int o = 1; o <= 8; o++) {
            assertThat(Exif.orientation(Images.withExifOrientation(jpeg, o))).isEqualTo(o);
        }
        assertThat(Exif.orientation(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0x7f, 0x7f}))
                .as("a length past the end is ignored").isEqualTo(1);
    }
}
