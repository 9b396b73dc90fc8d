package org.titlecert.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.titlecert.itests.Api;
import org.titlecert.itests.Platform;
import org.titlecert.itests.TestFixtures;
import org.titlecert.photo.internal.Images;

/** Photographed filings through the generation pipeline, timed, on one node or on several sharing a database. */
final class Pipelines {

    /** A committee and issuing authority without e-seals (the Hefei demo unit's), and one with both. */
    static final String[] UNSEALED = {"HFGCZP", "HFRSJ"};
    static final String[] SEALED = {"AHKJGP", "AHRS"};

    private Pipelines() {
    }

    /** A pending filing of {@code people} people, every one with an ID photo. */
    static long photographedFiling(Api system, String name, int people, int offset, String[] issuers) {
        long id = TestFixtures.filledFiling(system, TestFixtures.filing(system, name, 2024, "REVIEW", issuers[0],
                issuers[1]).get("id").asLong(), TestFixtures.roster(people, offset));
        byte[] zip = TestFixtures.photoZip(TestFixtures.personIds(system, id).keySet(),
                Images.jpeg(Images.halves(413, 579, new Color(0x43, 0x8E, 0xDB), Color.WHITE)));
        assertThat(system.postBytes("/api/v1/photo-imports", "application/zip", zip).json().size()).isEqualTo(people);
        return id;
    }

    /**
     * Approves a photographed filing and waits for its certificates; returns {certificates/s from the approval
     * to the last one, certificates/s from the first to the last, seconds to the first, processor ms per
     * certificate over all the nodes}. Timed by the certificates' own generatedAt stamps (the platform runs on this
     * machine's clock), so that the progress checks can be rare and take no processor from the pipeline they
     * measure.
     */
    static double[] run(Api system, long filingId, int people, Platform... nodes) {
        Instant t0 = Instant.now();
        double cpu0 = cpuSeconds(nodes);
        TestFixtures.approve(system, filingId);
        while (system.get("/api/v1/filings/" + filingId + "/certificates?status=GENERATED&size=1").json()
                .get("total").asLong() < people) {
            Platform.sleep(1000);
            assertThat(Duration.between(t0, Instant.now())).as("pipeline stalled").isLessThan(Duration.ofMinutes(10));
        }
        double cpu = cpuSeconds(nodes) - cpu0;
        List<Instant> stamps = TestFixtures.settledCertificates(system, filingId, people).stream()
                .map(c -> Instant.parse(c.get("generatedAt").asText())).sorted().toList();
        Instant last = stamps.get(people - 1);
        return new double[] {people / (Duration.between(t0, last).toNanos() / 1e9),
                (people - 1) / (Duration.between(stamps.get(0), last).toNanos() / 1e9),
                Duration.between(t0, stamps.get(0)).toNanos() / 1e9, 1000 * cpu / people};
    }

    /**
     * The nodes' processor time so far (all their threads: renderers, database, GC, JIT). Per certificate or per
     * request it is a cost that the noise of a shared machine does not move much.
     */
    static double cpuSeconds(Platform... nodes) {
        return Arrays.stream(nodes).mapToDouble(n -> ProcessHandle.of(n.pid()).flatMap(p -> p.info().totalCpuDuration())
                .orElseThrow(() -> new AssertionError("no processor time for the platform")).toNanos() / 1e9).sum();
    }
}
