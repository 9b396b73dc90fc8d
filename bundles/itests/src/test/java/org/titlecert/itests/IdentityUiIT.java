package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Sign-up, the first-login registration form and the admin login, in headless Chromium. */
class IdentityUiIT {

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

    private void type(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    @Test
    void firstLoginLeadsToTheRegistrationFormWithChineseErrorsBesideEachField() throws Exception {
        String id = TestFixtures.idNumber(LocalDate.of(1990, 5, 17), 777, true);
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        browser.get(platform.url("/register"));
        type("idNumber", wrong);
        type("mobile", "13955501234");
        type("password", "Passw0rd2026");
        type("password2", "Passw0rd2026");
        type("captcha", Browser.captchaAnswer(browser));
        browser.findElement(By.id("submit")).click();
        WebElement idError = browser.findElement(By.cssSelector(".field.invalid .field-error"));
        assertThat(idError.getText()).isEqualTo("身份证号码校验位错误");
        Browser.screenshot(browser, "register-wrong-id");

        type("idNumber", id);
        type("password", "Passw0rd2026");
        type("password2", "Passw0rd2026");
        type("captcha", Browser.captchaAnswer(browser));
        assertThat(browser.findElement(By.cssSelector(".consent .field-error")).getText())
                .isEqualTo("请阅读并同意《个人信息保护告知书》");
        browser.findElement(By.id("privacyConsent")).click();
        browser.findElement(By.id("submit")).click();
        // the same answer whether or not the number was taken: go and log in (security finding 10)
        assertThat(Browser.waitForUrl(browser, "/login?notice=signedup")).contains("/login");
        Browser.waitForText(browser, By.cssSelector(".alert-success"), "注册申请已受理");
        Browser.screenshot(browser, "registered-now-log-in");
        type("login", id);
        type("password", "Passw0rd2026");
        browser.findElement(By.id("submit")).click();
        assertThat(Browser.waitForUrl(browser, "/register/profile")).endsWith("/register/profile");
        assertThat(browser.findElement(By.cssSelector(".topbar .user")).getText()).as("no name yet: no masked ID either")
                .startsWith("您好").doesNotContain("*");

        browser.get(platform.url("/admin/filings"));
        assertThat(Browser.waitForUrl(browser, "/admin/login")).as("an individual is not let into admin pages")
                .contains("/admin/login");
        browser.get(platform.url("/me"));
        assertThat(browser.getCurrentUrl()).as("nothing else until the form is complete").endsWith("/register/profile");

        assertThat(browser.findElement(By.id("idNumber")).getAttribute("readonly")).isNotNull();
        type("realName", "王明华");
        new Select(browser.findElement(By.id("gender"))).selectByValue("女");
        new Select(browser.findElement(By.id("politicalStatus"))).selectByValue("群众");
        new Select(browser.findElement(By.id("ethnicity"))).selectByValue("汉族");
        type("email", "wangminghua@example.com");
        type("address", "安徽省合肥市包河区徽州大道 1 号");
        browser.findElement(By.id("workStartDate")).sendKeys("07012012");
        new Select(browser.findElement(By.id("education"))).selectByValue("大学本科");
        new Select(browser.findElement(By.id("employerUnitId"))).selectByVisibleText("安徽省财政厅");
        Browser.screenshot(browser, "registration-form");
        browser.findElement(By.id("submit")).click();
        assertThat(browser.findElement(By.cssSelector("#gender ~ .field-error")).getText())
                .isEqualTo("性别与身份证号码不一致");
        Browser.screenshot(browser, "registration-form-errors");

        new Select(browser.findElement(By.id("gender"))).selectByValue("男");
        browser.findElement(By.id("submit")).click();
        assertThat(Browser.waitForUrl(browser, "/me?notice")).contains("/me");
        Browser.waitForText(browser, By.cssSelector(".alert-success"), "个人注册信息已提交");
        assertThat(browser.findElement(By.id("real-name")).getText()).isEqualTo("王明华");
        assertThat(browser.findElement(By.cssSelector(".alert-warning")).getText()).contains("待所在单位");
        assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo("王明华");
        Browser.screenshot(browser, "personal-center");

        browser.findElement(By.id("logout")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().equals(platform.url("/")));
        browser.get(platform.url("/me"));
        assertThat(Browser.waitForUrl(browser, "/login")).contains("/login?next=");

        // the chosen unit finds the registration in 个人注册审核 and confirms it (issue 16)
        DemoAccounts.Account unitAdmin = platform.accounts().of("unitadmin", "AHCZ");
        Browser.loginAdmin(browser, platform, unitAdmin.login(), unitAdmin.secret());
        Browser.waitForUrl(browser, "/admin/filings");
        browser.findElement(By.linkText("个人注册审核")).click();
        Browser.waitForUrl(browser, "/admin/individuals");
        WebElement row = browser.findElements(By.cssSelector("#pending tbody tr[data-account]")).stream()
                .filter(r -> r.getText().contains("王明华")).findFirst().orElseThrow();
        assertThat(row.getText()).contains(id, "安徽省财政厅", "不在名单中", "审核通过", "驳回");
        Browser.screenshot(browser, "individuals-routed");
        row.findElement(By.cssSelector("button.confirm")).click();
        browser.switchTo().alert().accept();
        Browser.waitForUrl(browser, "notice=saved");
        assertThat(browser.findElement(By.id("pending")).getText()).doesNotContain("王明华");
        // the wrong ID number and the wrong gender answer 400 on purpose; nothing else may fail
        assertThat(Browser.consoleErrors(browser, "status of 400")).as("no other console error").isEmpty();
    }

    @Test
    void anAdminLogsInWithAccountPasswordAndCaptcha() throws Exception {
        DemoAccounts.Account admin = platform.accounts().of("unitadmin", "HFRS");
        browser.get(platform.url("/admin/login"));
        Browser.screenshot(browser, "admin-login");
        type("account", admin.login());
        type("password", "wrong-password-1");
        type("captcha", Browser.captchaAnswer(browser));
        browser.findElement(By.id("submit")).click();
        assertThat(browser.findElement(By.cssSelector(".alert-error")).getText()).isEqualTo("账号或密码错误");
        assertThat(browser.findElement(By.id("account")).getAttribute("value")).as("the account name is kept")
                .isEqualTo(admin.login());

        // 看不清，换一张 (issue 16): a new image and a new captcha, by the link and by the image itself
        for (String trigger : new String[] {"captcha-refresh", "captcha-img"}) {
            String id = browser.findElement(By.id("captcha-id")).getAttribute("value");
            String image = browser.findElement(By.id("captcha-img")).getAttribute("src");
            browser.findElement(By.id(trigger)).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(d -> !d.findElement(By.id("captcha-id")).getAttribute("value").equals(id));
            assertThat(browser.findElement(By.id("captcha-img")).getAttribute("src")).startsWith("data:image/png")
                    .isNotEqualTo(image);
        }
        assertThat(browser.findElement(By.linkText("看不清，换一张")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "admin-login-captcha-refreshed");
        type("password", admin.secret());
        type("captcha", Browser.captchaAnswer(browser));
        browser.findElement(By.id("submit")).click();
        assertThat(Browser.waitForUrl(browser, "/admin/filings")).as("the refreshed captcha is the one that counts")
                .endsWith("/admin/filings");
        browser.findElement(By.id("logout")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().equals(platform.url("/")));

        Browser.loginAdmin(browser, platform, admin.login(), admin.secret());
        assertThat(Browser.waitForUrl(browser, "/admin/filings")).endsWith("/admin/filings");
        assertThat(browser.findElement(By.id("user-name")).getText()).as("greeted by the unit's name, not its code")
                .isEqualTo("合肥市人力资源和社会保障局 管理员");
        assertThat(browser.findElements(By.cssSelector("#filings tbody tr[data-id]"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("合肥市"));
        assertThat(browser.findElements(By.linkText("审计日志"))).as("system menus are for system admins").isEmpty();
        Browser.screenshot(browser, "unit-admin-filings");
        // a system page refused to a unit admin: a centred card with a way back (issue 16)
        browser.get(platform.url("/admin/audit"));
        WebElement card = browser.findElement(By.id("error-card"));
        assertThat(card.getText()).contains("您没有访问该页面的权限", "返回上一页", "返回首页");
        long width = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.clientWidth;");
        double middle = card.getRect().getX() + card.getRect().getWidth() / 2.0;
        assertThat(Math.abs(middle - width / 2.0)).as("centred").isLessThan(20);
        Browser.screenshot(browser, "error-card");

        // the wrong password and the refused page above answer 401 and 403 on purpose; nothing else may fail
        assertThat(Browser.consoleErrors(browser, "status of 401", "status of 403")).as("no other console error").isEmpty();
    }

    @Test
    void aSystemAdminFiltersTheAuditLogAndExportsWhatTheFilterShows() throws Exception {
        DemoAccounts.Account sys = platform.accounts().first("sysadmin");
        Browser.loginAdmin(browser, platform, sys.login(), sys.secret());
        Browser.waitForUrl(browser, "/admin/filings");
        browser.get(platform.url("/admin/audit"));
        browser.findElement(By.name("action")).sendKeys("ADMIN_LOGIN");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        Browser.waitForUrl(browser, "action=ADMIN_LOGIN");
        assertThat(browser.findElements(By.cssSelector("#audit tbody tr"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("ADMIN_LOGIN"));
        WebElement export = browser.findElement(By.id("export-csv"));
        assertThat(export.getText()).isEqualTo("导出 CSV");
        String href = export.getAttribute("href");
        assertThat(href).endsWith("/admin/audit/export.csv?action=ADMIN_LOGIN");
        Browser.screenshot(browser, "audit-log");
        Api session = platform.api().withSession(browser.manage().getCookieNamed("TCSESSION").getValue(), "");
        Api.Response csv = session.get(href.substring(href.indexOf("/admin/")));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().skip(1)).isNotEmpty().allSatisfy(l -> assertThat(l).contains(",ADMIN_LOGIN,"));
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void aSystemAdminWatchesTheRunningPlatformAndStartsABackup() throws Exception {
        DemoAccounts.Account sys = platform.accounts().first("sysadmin");
        Browser.loginAdmin(browser, platform, sys.login(), sys.secret());
        Browser.waitForUrl(browser, "/admin/filings");
        browser.findElement(By.linkText("运行状态")).click();
        Browser.waitForUrl(browser, "/admin/system");
        // the charts draw themselves from the REST API with the page's session: the JVM's heap has a value
        Browser.waitForText(browser, By.cssSelector("[data-key=heap] .chart-value"), " MB");
        assertThat(browser.findElements(By.cssSelector("#charts figure"))).hasSize(12);
        assertThat(browser.findElements(By.cssSelector("[data-key=heap] polyline"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-key=queue_depth] .chart-title")).getText())
                .isEqualTo("生成队列");

        browser.findElement(By.id("start-backup")).click();
        browser.switchTo().alert().accept();
        if (PostgresCluster.enabled()) {
            Browser.waitForText(browser, By.cssSelector(".alert-error"), "pg_dump");
        } else {
            Browser.waitForText(browser, By.cssSelector(".alert-success"), "备份已开始");
            Browser.waitForText(browser, By.cssSelector("#last-backup [data-field=state]"), "已完成");
            assertThat(browser.findElement(By.cssSelector("#last-backup [data-field=directory]")).getText())
                    .startsWith(platform.home().resolve("backups").toString());
        }
        Browser.screenshot(browser, "system-status");
        // on PostgreSQL the page that says so answers 409, which the browser notes
        assertThat(Browser.consoleErrors(browser, "/admin/system/backup - Failed to load resource: the server "
                + "responded with a status of 409")).isEmpty();
    }
}
