package org.titlecert.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch check and its 核验报告: its own number, and the token of its QR code, which anyone can check at
 * {@code /r/{token}}.
 *
 * @param counts  how many rows got each verdict
 * @param results every row's verdict, in the order given; empty in a list of reports
 */
public record BatchReport(long id, String reportNumber, String token, Instant createdAt, String verifierName,
                          int rows, Map<Verdict, Integer> counts, List<BatchResult> results) {

    public BatchReport {
        counts = Map.copyOf(counts);
        results = List.copyOf(results);
    }
}
