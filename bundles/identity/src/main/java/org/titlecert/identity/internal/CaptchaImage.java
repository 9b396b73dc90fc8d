package org.titlecert.identity.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.titlecert.font.CjkFont;

/** Draws a captcha: distorted characters over noise, with the platform's own font (no system fonts needed). */
final class CaptchaImage {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int WIDTH = 130;
    private static final int HEIGHT = 44;

    private final Font font;

    CaptchaImage() {
        try (InputStream in = CjkFont.SANS_BOLD.open()) {
            font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(Font.PLAIN, 28f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomAnswer(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(Secrets.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    byte[] render(String text) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(242, 245, 250));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 60; i++) {
                g.setColor(randomColor(150, 220));
                g.fillOval(Secrets.nextInt(WIDTH), Secrets.nextInt(HEIGHT), 2, 2);
            }
            g.setFont(font);
            int x = 10;
            for (char c : text.toCharArray()) {
                AffineTransform saved = g.getTransform();
                g.translate(x, 33 + Secrets.nextInt(5) - 2);
                g.rotate(Math.toRadians(Secrets.nextInt(40) - 20));
                g.setColor(randomColor(20, 110));
                g.drawString(String.valueOf(c), 0, 0);
                g.setTransform(saved);
                x += 27;
            }
            g.setStroke(new BasicStroke(1.6f));
            for (int i = 0; i < 4; i++) {
                g.setColor(randomColor(60, 160));
                g.drawLine(Secrets.nextInt(WIDTH / 2), Secrets.nextInt(HEIGHT), WIDTH / 2 + Secrets.nextInt(WIDTH / 2),
                        Secrets.nextInt(HEIGHT));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Color randomColor(int lo, int hi) {
        return new Color(lo + Secrets.nextInt(hi - lo), lo + Secrets.nextInt(hi - lo), lo + Secrets.nextInt(hi - lo));
    }
}
