package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** 我的职称 and 上传照片 in headless Chromium: the stored photo matches what the preview showed. */
class PhotoUiIT {

    private final Platform platform = Platform.shared();
    private WebDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    /** Four quadrants: red, green / blue, yellow. */
    private static BufferedImage quadrants(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h / 2);
        g.setColor(Color.GREEN);
        g.fillRect(w / 2, 0, w - w / 2, h / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, h / 2, w / 2, h - h / 2);
        g.setColor(Color.YELLOW);
        g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2);
        g.dispose();
        return img;
    }

    @Test
    void anIndividualUploadsRotatesZoomsAndSavesTheirPhoto() throws Exception {
        DemoAccounts.Account person = platform.accounts().all("individual").get(1);
        browser.get(platform.url("/login"));
        browser.findElement(By.id("login")).sendKeys(person.login());
        browser.findElement(By.id("password")).sendKeys(person.secret());
        browser.findElement(By.id("submit")).click();
        Browser.waitForUrl(browser, "/me");

        browser.get(platform.url("/me/titles"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#titles tbody tr[data-id]"));
        assertThat(rows).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#titles thead")).getText())
                .contains("序号", "证书编号", "系列", "专业", "职称名称", "职称级别", "年度", "发证日期", "状态", "操作");
        String cookie = browser.manage().getCookieNamed("TCSESSION").getValue();
        JsonNode first = platform.api().withSession(cookie, "").get("/api/v1/me/titles").json().get(0);
        assertThat(rows.get(0).getText()).contains(first.get("series").asText(), first.get("titleName").asText(),
                first.get("issueDate").asText(), "未生成");
        assertThat(rows.get(0).findElements(By.linkText("下载"))).as("no certificate without a photo").isEmpty();
        Browser.screenshot(browser, "my-titles");

        rows.get(0).findElement(By.linkText("查看")).click();
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("基本信息", "获得资格情况",
                "安徽省会计系列高级专业技术资格评审委员会");
        Browser.screenshot(browser, "title-view");

        browser.get(platform.url("/me/photo"));
        assertThat(Browser.brokenImages(browser)).as("an empty, labelled crop area, no broken image").isEmpty();
        assertThat(browser.findElement(By.id("crop-placeholder")).getText()).contains("选择照片");
        Path file = Files.createTempFile("photo", ".jpg");
        ImageIO.write(quadrants(1200, 1600), "jpeg", file.toFile());
        browser.findElement(By.id("file")).sendKeys(file.toString());
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".cropper-container")).isEmpty());
        browser.findElement(By.id("rotate-right")).click();
        browser.findElement(By.id("zoom-in")).click();
        browser.findElement(By.id("zoom-in")).click();
        Platform.sleep(300);
        byte[] preview = browser.findElement(By.id("preview")).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of(System.getProperty("titlecert.screenshots")).resolve("photo-preview.png"), preview);
        Browser.screenshot(browser, "photo-cropper");
        String rotate = browser.findElement(By.id("crop-rotate")).getAttribute("value");
        assertThat(rotate).isEqualTo("90");

        browser.findElement(By.id("save")).click();
        Browser.waitForUrl(browser, "notice=photo");
        Browser.waitForText(browser, By.cssSelector(".alert-success"), "照片已上传");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector("#titles tbody tr[data-status='GENERATED'] a.download")).size() == rows.size());
        assertThat(browser.findElement(By.tagName("main")).getText()).as("no stale 正在生成 once 下载 shows (issue 16)")
                .doesNotContain("正在生成");
        Browser.screenshot(browser, "my-titles-after-upload");

        byte[] stored = platform.api().withSession(cookie, "").get("/api/v1/me/photo").bytes();
        BufferedImage saved = ImageIO.read(new ByteArrayInputStream(stored));
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(preview));
        assertThat(saved.getWidth()).isEqualTo(413);
        double diff = meanDifference(saved, shown);
        System.out.printf("preview vs stored photo: mean channel difference %.1f / 255%n", diff);
        assertThat(diff).as("the stored photo is what the preview showed").isLessThan(20);
        assertThat(dominant(saved, 0.15, 0.15)).as("turned right: blue comes to the top left").isEqualTo("blue");
        assertThat(dominant(saved, 0.85, 0.85)).isEqualTo("green");
        assertThat(Browser.consoleErrors(browser)).as("no page logged an error or failed to load anything").isEmpty();
    }

    /** The mean absolute difference per channel after scaling both to a small common size. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        BufferedImage sa = scaled(a);
        BufferedImage sb = scaled(b);
        long sum = 0;
        for (int y = 0; y < sa.getHeight(); y++) {
            for (int x = 0; x < sa.getWidth(); x++) {
                Color ca = new Color(sa.getRGB(x, y));
                Color cb = new Color(sb.getRGB(x, y));
                sum += Math.abs(ca.getRed() - cb.getRed()) + Math.abs(ca.getGreen() - cb.getGreen())
                        + Math.abs(ca.getBlue() - cb.getBlue());
            }
        }
        return sum / (3.0 * sa.getWidth() * sa.getHeight());
    }

    private static BufferedImage scaled(BufferedImage img) {
        BufferedImage s = new BufferedImage(41, 58, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = s.createGraphics();
        g.drawImage(img, 0, 0, 41, 58, null);
        g.dispose();
        return s;
    }

    private static String dominant(BufferedImage img, double fx, double fy) {
        Color c = new Color(img.getRGB((int) (fx * img.getWidth()), (int) (fy * img.getHeight())));
        if (c.getRed() > 180 && c.getGreen() > 180) {
            return "yellow";
        }
        return c.getRed() > 180 ? "red" : c.getGreen() > 180 ? "green" : c.getBlue() > 180 ? "blue" : c.toString();
    }

    static BufferedImage read(byte[] b) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(b));
    }
}
