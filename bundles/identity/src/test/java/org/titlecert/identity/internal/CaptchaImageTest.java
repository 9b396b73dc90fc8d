package org.titlecert.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class CaptchaImageTest {

    @Test
    void rendersAPngFromTheEmbeddedFont() throws Exception {
        String answer = CaptchaImage.randomAnswer(4);
        assertThat(answer).hasSize(4).matches("[" + CaptchaImage.ALPHABET + "]{4}");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(new CaptchaImage().render(answer)));
        assertThat(img.getWidth()).isEqualTo(130);
        assertThat(img.getHeight()).isEqualTo(44);
        int dark = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("glyphs were drawn").isGreaterThan(150);
    }
}
