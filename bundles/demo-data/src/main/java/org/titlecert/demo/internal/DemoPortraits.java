package org.titlecert.demo.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.titlecert.api.Gender;

/** Drawn ID-photo likenesses for demo people: a blue background, shoulders in a suit, a face and hair. */
final class DemoPortraits {

    private static final Color[] SKIN = {new Color(0xF1, 0xC9, 0xA5), new Color(0xE8, 0xBE, 0x98),
        new Color(0xF3, 0xD2, 0xB3), new Color(0xDD, 0xB0, 0x8A)};
    private static final Color[] SUIT = {new Color(0x22, 0x2B, 0x3A), new Color(0x1E, 0x1E, 0x24),
        new Color(0x2E, 0x3B, 0x55), new Color(0x3A, 0x3A, 0x40)};

    private DemoPortraits() {
    }

    /** A 413 × 579 PNG, the same for the same ID number. */
    static byte[] portrait(String idNumber, Gender gender) {
        Random r = new Random(idNumber.hashCode());
        BufferedImage img = new BufferedImage(413, 579, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x43, 0x8E, 0xDB));
        g.fillRect(0, 0, 413, 579);
        Color skin = SKIN[r.nextInt(SKIN.length)];
        boolean female = gender == Gender.FEMALE;
        Color hair = new Color(0x1A + r.nextInt(20), 0x14 + r.nextInt(12), 0x10 + r.nextInt(10));
        if (female) {
            g.setColor(hair);
            g.fill(new Ellipse2D.Double(92, 92, 229, 330));
        }
        g.setColor(SUIT[r.nextInt(SUIT.length)]);
        Path2D body = new Path2D.Double();
        body.moveTo(20, 579);
        body.curveTo(30, 470, 110, 430, 206, 425);
        body.curveTo(302, 430, 383, 470, 393, 579);
        body.closePath();
        g.fill(body);
        g.setColor(Color.WHITE);
        Path2D collar = new Path2D.Double();
        collar.moveTo(166, 430);
        collar.lineTo(206, 500);
        collar.lineTo(246, 430);
        collar.closePath();
        g.fill(collar);
        g.setColor(skin);
        g.fillRect(176, 350, 61, 90);
        g.fill(new Ellipse2D.Double(128, 140, 157, 215));
        g.setColor(hair);
        g.fill(new Ellipse2D.Double(124, female ? 118 : 126, 165, female ? 110 : 88));
        g.setColor(new Color(0x2A, 0x22, 0x20));
        g.fill(new Ellipse2D.Double(165, 240, 16, 10));
        g.fill(new Ellipse2D.Double(232, 240, 16, 10));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0xB0, 0x60, 0x58));
        g.drawArc(186, 296, 42, 16, 200, 140);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
