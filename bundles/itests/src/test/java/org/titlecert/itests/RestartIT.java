package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Data lives in the database on disk: it survives a restart, demo data is never loaded twice, and certificates are
 * not generated again (a template registering a moment after the engine once requeued every certificate).
 */
class RestartIT {

    @Test
    void dataSurvivesARestartAndDemoDataIsNotLoadedAgain() {
        Platform platform = Platform.shared();
        Api api = platform.system();
        long id = TestFixtures.filing(api, "重启前创建的批复备案", 2020, "REVIEW").get("id").asLong();
        api.postBytes("/api/v1/filings/" + id + "/roster", "text/csv",
                TestFixtures.roster(4).getBytes(StandardCharsets.UTF_8));
        byte[] pdf = TestFixtures.pdf();
        api.putBytes("/api/v1/filings/" + id + "/approval-document", "application/pdf", pdf);
        JsonNode before = api.get("/api/v1/filings/" + id).json();
        String roster = api.get("/api/v1/filings/" + id + "/roster").body();
        long filings = api.get("/api/v1/filings?size=1").json().get("total").asLong();
        String units = api.get("/api/v1/units").body();
        TestFixtures.awaitDemoSeals(api);
        String certificates = api.get("/api/v1/filings/1/certificates?size=100").body();
        assertThat(certificates).contains("\"status\":\"GENERATED\"");

        double seconds = platform.restart();
        System.out.printf("restart to healthy: %.1f s%n", seconds);
        Platform.sleep(1500);
        TestFixtures.awaitDemoSeals(api);
        assertThat(api.get("/api/v1/filings/1/certificates?size=100").body()).as("versions and files unchanged")
                .isEqualTo(certificates);

        assertThat(api.get("/api/v1/filings/" + id).json()).isEqualTo(before);
        assertThat(api.get("/api/v1/filings/" + id + "/roster").body()).isEqualTo(roster);
        assertThat(api.get("/api/v1/filings/" + id + "/approval-document").bytes()).isEqualTo(pdf);
        assertThat(api.get("/api/v1/filings?size=1").json().get("total").asLong()).isEqualTo(filings);
        assertThat(api.get("/api/v1/units").body()).isEqualTo(units);
    }
}
