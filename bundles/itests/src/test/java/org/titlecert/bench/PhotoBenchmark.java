package org.titlecert.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.titlecert.itests.Api;
import org.titlecert.itests.DemoAccounts;
import org.titlecert.itests.Platform;
import org.titlecert.photo.internal.Images;

/**
 * Issue 4's figures: p95 time to upload and normalise a 12 MP JPEG, and the peak heap rise of the
 * Karaf JVM while the hostile corpus is uploaded (sampled with jstat every 20 ms). Karaf runs with
 * -Xmx256m, so a bomb that got decoded would end the run with an OutOfMemoryError.
 */
class PhotoBenchmark {

    private static Platform platform;
    private static Api person;

    @BeforeAll
    static void boot() {
        platform = Platform.create("bench-photo");
        platform.configureForTests();
        platform.maxHeap("256m");
        platform.start();
        DemoAccounts.Account account = platform.accounts().first("individual");
        person = platform.api().login("individual", account.login(), account.secret());
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    /** A 4000×3000 photo-like image: gradients, shapes and sensor-like noise, so the JPEG has realistic entropy. */
    private static byte[] twelveMegapixels() {
        BufferedImage img = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), 4000, 3000, new Color(230, 220, 200)));
        g.fillRect(0, 0, 4000, 3000);
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(random.nextInt(4000), random.nextInt(3000), 20 + random.nextInt(300), 20 + random.nextInt(300));
        }
        g.dispose();
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                img.setRGB(x, y, img.getRGB(x, y) ^ (random.nextInt() & 0x1f1f1f));
            }
        }
        return Images.jpeg(img);
    }

    @Test
    void uploadAndNormaliseTwelveMegapixels() {
        byte[] photo = twelveMegapixels();
        String query = "?x=1000&y=200&w=1800&h=2520&rotate=0";
        for (int i = 0; i < 5; i++) {
            assertThat(person.putBytes("/api/v1/me/photo" + query, "image/jpeg", photo).status()).isEqualTo(200);
        }
        double[] ms = new double[40];
        for (int i = 0; i < ms.length; i++) {
            // a different crop each time, so every upload is normalised anew
            String q = "?x=" + (1000 + i) + "&y=200&w=1800&h=2520&rotate=" + (i % 2 == 0 ? 0 : 90);
            long t0 = System.nanoTime();
            Api.Response r = person.putBytes("/api/v1/me/photo" + q, "image/jpeg", photo);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        Figures.report(String.format("upload + normalise a 12 MP JPEG (4000x3000, %.1f MB): p50 %.0f ms, p95 %.0f ms "
                + "(%d uploads, one client)", photo.length / 1e6, Figures.median(ms), Figures.percentile(ms, 95),
                ms.length));
    }

    @Test
    void heapWhileTheHostileCorpusIsUploaded() throws Exception {
        byte[] jpeg = Images.jpeg(Images.halves(800, 1120, Color.RED, Color.BLUE));
        List<byte[]> corpus = List.of(Images.pngBomb(20_000, 20_000), Images.withSofSize(jpeg, 65500, 65500),
                Arrays.copyOf(jpeg, jpeg.length / 2), new byte[0],
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8),
                Images.cmykJpeg(600, 840, 0, 255, 255, 255), Images.png16(600, 840, 200, 30, 30),
                Images.pngWithAlpha(600, 840), new byte[26 * 1024 * 1024]);
        int[] refused = {0};
        double[] hostile = HeapSampler.rise(platform, 5, () -> {
            for (byte[] file : corpus) {
                int status = person.putBytes("/api/v1/me/photo", "image/png", file).status();
                refused[0] += status >= 400 ? 1 : 0;
                assertThat(status).isLessThan(500);
            }
        });
        assertThat(refused[0]).as("bombs, corrupt, empty, SVG and oversized are refused").isEqualTo(5 * 6);
        assertThat(platform.system().get("/api/v1/health").json().get("status").asText()).isEqualTo("UP");
        byte[] good = Images.jpeg(Images.halves(2000, 2800, Color.ORANGE, Color.GRAY));
        double[] control = HeapSampler.rise(platform, 5, () -> {
            for (int i = 0; i < corpus.size(); i++) {
                assertThat(person.putBytes("/api/v1/me/photo", "image/jpeg", good).status()).isEqualTo(200);
            }
        });
        Figures.report(String.format("hostile corpus (PNG bomb 20000x20000, SOF 65500x65500, truncated, empty, SVG, "
                + "CMYK, 16-bit, alpha, 26 MB body) x5: peak heap rise %.1f MB over a %.1f MB baseline; the same number "
                + "of ordinary 5.6 MP uploads: %.1f MB (max heap %.0f MB; a decoded bomb alone would need 1,600 MB)",
                hostile[0], hostile[1], control[0], hostile[2]));
    }
}
