package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The integrators' documentation at /api/docs: Swagger UI served by the platform, under its strict CSP. */
class ApiDocsUiIT {

    private Platform platform;
    private WebDriver driver;

    @BeforeEach
    void open() {
        platform = Platform.shared();
        driver = Browser.start();
    }

    @AfterEach
    void close() {
        driver.quit();
    }

    @Test
    void theDocumentationListsEveryOperationInChineseAndEnglishWithoutBreakingTheCsp() throws Exception {
        Api.Response page = platform.api().get("/api/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe");

        driver.get(platform.url("/api/docs"));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".opblock")).size() > 50);
        assertThat(driver.getTitle()).isEqualTo("接口文档 · 电子职称证书平台");
        assertThat(driver.findElement(By.cssSelector(".info .title")).getText()).contains("TitleCert API");
        String text = driver.findElement(By.id("swagger-ui")).getText();
        assertThat(text).contains("查询批复备案 · List filings with filters and paging")
                .contains("预览或下载证书 PDF · The certificate PDF").contains("downloadCertificatePdf");

        Browser.screenshot(driver, "api-docs-top");
        // one operation opened: its scope, its upload form, and the error schema with its example
        WebElement importRoster = driver.findElement(By.id("operations-filings-importRoster"));
        importRoster.findElement(By.cssSelector(".opblock-summary")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> importRoster.getText().contains("filings:write"));
        assertThat(importRoster.getText()).contains("multipart/form-data").contains("ROSTER_INVALID")
                .contains("导入人员名单");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", importRoster);
        Browser.screenshot(driver, "api-docs-operation");
        assertThat(Browser.consoleErrors(driver)).as("no script error, no CSP violation").isEmpty();
    }
}
