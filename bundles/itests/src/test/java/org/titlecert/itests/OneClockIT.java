package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One clock: the platform at 00:30 Beijing time, when the UTC date is still the day before. Its clock (the test
 * clock bundle, ranked above the real one) is set to 00:30 of tomorrow in Beijing, so that its "today" is a day that
 * neither the machine's clock nor UTC has reached: any "today" computed elsewhere than the platform's clock, or in
 * UTC, rejects it as a future date.
 */
class OneClockIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static Platform platform;
    private static Api system;
    private static LocalDate today;

    @BeforeAll
    static void start() throws URISyntaxException {
        today = LocalDate.now(BEIJING).plusDays(1);
        assertThat(today).isAfter(LocalDate.now(ZoneOffset.UTC));
        platform = Platform.create("one-clock");
        platform.configureForTests();
        platform.config("org.titlecert.testclock", "start = " + today + "T00:30+08:00");
        String url = OneClockIT.class.getClassLoader().getResource("org/titlecert/testclock/StartedClock.class")
                .toString();
        platform.deploy(Path.of(new java.net.URI(url.substring(4, url.indexOf("!/")))));
        platform.start();
        system = platform.system();
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    @Test
    void todayInBeijingIsTodayForRostersApprovalsAndPages() {
        long filing = TestFixtures.filing(system, "零点三十分批复", today.getYear(), "REVIEW").get("id").asLong();
        String roster = TestFixtures.roster(2, 91000).replace("2021-12-20", today.toString());
        String tomorrow = TestFixtures.roster(1, 91010).replace("2021-12-20", today.plusDays(1).toString());
        // the platform's clock is bound a moment after start (the test bundle is deployed with it): ask until it is
        long deadline = System.nanoTime() + 60_000_000_000L;
        Api.Response imported = system.postBytes("/api/v1/filings/" + filing + "/roster", "text/csv",
                roster.getBytes(StandardCharsets.UTF_8));
        while (imported.status() != 200 && System.nanoTime() < deadline) {
            Platform.sleep(500);
            imported = system.postBytes("/api/v1/filings/" + filing + "/roster", "text/csv",
                    roster.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(imported.status()).as("a qualification date of today: %s", imported.body()).isEqualTo(200);
        Api.Response future = system.postBytes("/api/v1/filings/" + filing + "/roster", "text/csv",
                tomorrow.getBytes(StandardCharsets.UTF_8));
        assertThat(future.status()).as("the day after is still in the future").isEqualTo(400);
        assertThat(future.body()).contains("ROSTER_INVALID");

        DemoAccounts.Account sys = platform.accounts().first("sysadmin");
        String page = platform.api().login("admin", sys.login(), sys.secret()).get("/admin/filings/" + filing).body();
        assertThat(page).as("the approval date field offers today, and no later")
                .contains("name=\"approvalDate\" value=\"" + today + "\" max=\"" + today + "\"");

        TestFixtures.filledFiling(system, filing, roster);
        Api.Response later = system.post("/api/v1/filings/" + filing + "/approve",
                Map.of("approvalDate", today.plusDays(1).toString()));
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.json().get("code").asText()).isEqualTo("APPROVAL_DATE_INVALID");
        JsonNode approved = system.post("/api/v1/filings/" + filing + "/approve",
                Map.of("approvalDate", today.toString())).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvalDate").asText()).isEqualTo(today.toString());
        JsonNode byDefault = system.post("/api/v1/filings/" + TestFixtures.filledFiling(system, "零点三十分默认日期",
                today.getYear(), TestFixtures.roster(1, 91020)) + "/approve", "").json();
        assertThat(byDefault.get("approvalDate").asText()).as("an approval without a date is today's")
                .isEqualTo(today.toString());
    }
}
