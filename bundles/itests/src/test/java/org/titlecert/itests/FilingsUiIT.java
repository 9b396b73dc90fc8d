package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The 批复备案管理 pages in headless Chromium. Screenshots go to target/screenshots. */
class FilingsUiIT {

    private static WebDriver browser;
    private final Platform platform = Platform.shared();

    @BeforeAll
    static void open() {
        browser = Browser.start();
        DemoAccounts.Account admin = Platform.shared().accounts().first("sysadmin");
        Browser.loginAdmin(browser, Platform.shared(), admin.login(), admin.secret());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void filtersFilingsByYear() throws Exception {
        browser.get(platform.url("/admin/filings"));
        assertThat(browser.getTitle()).contains("批复备案管理");
        new Select(browser.findElement(By.name("year"))).selectByValue("2021");
        browser.findElement(By.id("search")).click();
        Browser.waitForUrl(browser, "year=2021");

        List<WebElement> rows = browser.findElements(By.cssSelector("#filings tbody tr[data-id]"));
        assertThat(rows).isNotEmpty();
        for (WebElement row : rows) {
            assertThat(row.findElements(By.tagName("td")).get(3).getText()).isEqualTo("2021");
        }
        assertThat(rows).extracting(WebElement::getText).anySatisfy(t -> assertThat(t)
                .contains("2021年度全省会计系列高级职称评审").contains("皖职改办〔2021〕12号").contains("审核通过"));
        assertThat(rows).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("2021年度合肥市工程系列中级职称评审"));
        assertThat(browser.getCurrentUrl()).contains("year=2021");
        assertThat(new Select(browser.findElement(By.name("year"))).getFirstSelectedOption().getText())
                .isEqualTo("2021");
        Browser.screenshot(browser, "filings-year-2021");

        rows.get(0).findElement(By.linkText("管理")).click();
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("年度");
        assertThat(browser.findElements(By.cssSelector("#roster-table tbody tr"))).isNotEmpty();
        Browser.screenshot(browser, "filing-detail");
    }

    @Test
    void importShowsThePerRowErrorReportInChinese() throws Exception {
        long id = TestFixtures.filing(platform.system(), "界面导入测试", 2020, "REVIEW").get("id").asLong();
        Path csv = Files.createTempFile("roster", ".csv");
        Files.writeString(csv, TestFixtures.HEADER
                + "张三,110105194912310021,女,1949-12-31,某单位,会计人员,会计,会计师,中级,2021-12-20\n");
        browser.get(platform.url("/admin/filings/" + id));
        browser.findElement(By.cssSelector("#roster input[type=file]")).sendKeys(csv.toString());
        browser.findElement(By.id("import")).click();
        WebElement alert = browser.findElement(By.cssSelector(".alert-error"));
        assertThat(alert.getText()).contains("名单校验未通过").contains("身份证号码校验位错误");
        assertThat(alert.findElements(By.cssSelector("table.violations tbody tr"))).hasSize(1);
        Browser.screenshot(browser, "import-errors");

        Files.writeString(csv, TestFixtures.roster(3));
        browser.findElement(By.cssSelector("#roster input[type=file]")).sendKeys(csv.toString());
        browser.findElement(By.id("import")).click();
        assertThat(Browser.waitForText(browser, By.cssSelector(".alert-success"), "新增 3 人")).contains("导入成功");
        assertThat(browser.findElements(By.cssSelector("#roster-table tbody tr"))).hasSize(3);
        String firstId = TestFixtures.rows(1, 0).get(0).split(",")[1];
        assertThat(browser.findElement(By.id("roster-table")).getText()).as("ID numbers masked in lists (issue 16)")
                .doesNotContain(firstId).contains(firstId.charAt(0) + "****************" + firstId.charAt(17));
    }
}
