package org.titlecert.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium through Debian's chromedriver; Selenium Manager downloads nothing. */
final class Browser {

    private Browser() {
    }

    static WebDriver start() {
        return start(null);
    }

    /** A browser that saves downloads into {@code downloads} without asking. */
    static WebDriver start(Path downloads) {
        // a user's desktop has a UTF-8 locale; without one Chromium saves a download named 张三.pdf as "download"
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort()
                .withEnvironment(java.util.Map.of("LANG", "C.UTF-8")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--lang=zh-CN");
        if (downloads != null) {
            options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
                    downloads.toAbsolutePath().toString(), "download.prompt_for_download", false));
        }
        // keep the console, so that a test can say no page logged an error or failed to load something
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Signs in at 管理人员登录, reading the captcha's answer from the test hook. */
    static void loginAdmin(WebDriver driver, Platform platform, String account, String password) {
        driver.get(platform.url("/admin/login"));
        driver.findElement(By.id("account")).sendKeys(account);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("captcha")).sendKeys(captchaAnswer(driver));
        driver.findElement(By.id("submit")).click();
    }

    /**
     * Signs in at 个人登录 as a person does: with the captcha when the page shows one (after other tests' wrong
     * passwords from this address), and once more after a throttle's wait; fails with what the page said.
     */
    static void loginIndividual(WebDriver driver, Platform platform, String login, String password) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String said = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            driver.get(platform.url("/login"));
            driver.findElement(By.id("login")).sendKeys(login);
            driver.findElement(By.id("password")).sendKeys(password);
            if (Boolean.TRUE.equals(js.executeScript("return document.getElementById('captcha') !== null;"))) {
                driver.findElement(By.id("captcha")).sendKeys(captchaAnswer(driver));
            }
            driver.findElement(By.id("submit")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login")
                    || Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return document.readyState === 'complete' && document.querySelector('.alert-error') !== null;")));
            if (!driver.getCurrentUrl().endsWith("/login")) {
                return;
            }
            said = driver.findElement(By.cssSelector(".alert-error")).getText();
            try {
                Thread.sleep(2_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("login of " + login + " failed: " + said);
    }

    /** Waits until the browser has navigated to a URL containing {@code fragment}, and returns it. */
    static String waitForUrl(WebDriver driver, String fragment) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.urlContains(fragment));
        // and until the page has run its scripts: a page reached by a click may still be loading, and a form
        // submitted before app.js is there goes without its confirmation (CorrectionIT, CI)
        wait.until(d -> "complete".equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState")));
        return driver.getCurrentUrl();
    }

    /**
     * Clicks a button whose form asks for confirmation (data-confirm) and accepts it. The dialog is waited for; if
     * the click did nothing at all — no dialog, the page unchanged, as happened once in CI while a PDF preview on
     * the page was still loading — it clicks once more. A form that went without its confirmation fails.
     */
    static void clickAndConfirm(WebDriver driver, By button) {
        String before = driver.getCurrentUrl();
        for (int attempt = 1; ; attempt++) {
            driver.findElement(button).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (!driver.getCurrentUrl().equals(before)) {
                    throw new AssertionError("submitted without its confirmation: " + driver.getCurrentUrl());
                }
                if (attempt == 2) {
                    throw new AssertionError("no confirmation after two clicks on " + button, e);
                }
            }
        }
    }

    /**
     * Waits until the element {@code by} holds {@code text}, and returns its text. It finds the element again at
     * each look, so that an element of the page being left (a form that posts and reloads the same page) is
     * never read: reading it would throw "stale element" once the new page replaces it.
     */
    static String waitForText(WebDriver driver, By by, String text) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    String shown = d.findElement(by).getText();
                    return shown.contains(text) ? shown : null;
                });
    }

    /** The images on the page that are shown but did not load: none of them may be, on any page. */
    @SuppressWarnings("unchecked")
    static java.util.List<String> brokenImages(WebDriver driver) {
        return (java.util.List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.images).filter(i => !i.hidden && i.offsetParent !== null"
                        + " && i.complete && i.naturalWidth === 0).map(i => i.id || i.src);");
    }

    /**
     * The console errors since the last call: script errors, failed requests, CSP violations. The one kind of
     * failed request a journey means to make (an expected 4xx it asserts on) can be let through by {@code allowed}.
     */
    static java.util.List<String> consoleErrors(WebDriver driver, String... allowed) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> java.util.Arrays.stream(allowed).noneMatch(m::contains))
                .toList();
    }

    /**
     * The page's serious and critical WCAG 2.1 A/AA violations as axe-core (npm) finds them, one line each: rule,
     * what it asks, and the first elements at fault. Empty is the goal on every page a person uses.
     */
    @SuppressWarnings("unchecked")
    static java.util.List<String> accessibilityProblems(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            try (java.io.InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                js.executeScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object found = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' @ '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        return (java.util.List<String>) found;
    }

    static String captchaAnswer(WebDriver driver) {
        return driver.findElement(By.id("captcha-img")).getAttribute("data-test-answer");
    }

    static Path screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of(System.getProperty("titlecert.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
