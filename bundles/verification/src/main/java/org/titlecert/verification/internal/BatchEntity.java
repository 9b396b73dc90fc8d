package org.titlecert.verification.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.verification.BatchReport;
import org.titlecert.verification.BatchResult;
import org.titlecert.verification.Verdict;

/** A batch check and its 核验报告. Times are UTC; the counts are kept as {@code MATCH=3,NOT_FOUND=1}. */
@Entity
@Table(name = "TC_BATCH", indexes = @Index(name = "TC_BATCH_BY_VERIFIER", columnList = "VERIFIER_ID,CREATED_AT"))
public class BatchEntity {

    @Id
    @TableGenerator(name = "batchIds", table = "TC_VERIFICATION_SEQ", pkColumnValue = "BATCH", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "batchIds")
    private long id;

    @Column(name = "REPORT_NUMBER", nullable = false, length = 32, unique = true)
    private String reportNumber;

    @Column(name = "TOKEN", nullable = false, length = 32, unique = true)
    private String token;

    @Column(name = "VERIFIER_ID", nullable = false)
    private long verifierId;

    @Column(name = "VERIFIER_NAME", nullable = false, length = 100)
    private String verifierName;

    @Column(name = "PRINCIPAL", nullable = false, length = 100)
    private String principal;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "ROW_COUNT", nullable = false)
    private int rowCount;

    @Column(name = "COUNTS", nullable = false, length = 200)
    private String counts;

    public BatchEntity() {
    }

    BatchEntity(String token, long verifierId, String verifierName, String principal, Instant now,
                List<BatchResult> results) {
        this.token = token;
        this.verifierId = verifierId;
        this.verifierName = verifierName;
        this.principal = principal;
        this.createdAt = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        this.rowCount = results.size();
        this.counts = results.stream().collect(Collectors.groupingBy(BatchResult::verdict, () -> new EnumMap<>(
                Verdict.class), Collectors.counting())).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        // unique from the start; number() names the report by its day and id in the same transaction
        this.reportNumber = "pending-" + token;
    }

    long getId() { return id; }
    long getVerifierId() { return verifierId; }

    /** 核验报告编号: HY, the day (Beijing time) and the id, e.g. HY20261203000042. */
    void number() {
        reportNumber = "HY" + createdAt.atOffset(ZoneOffset.UTC).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8) + String.format("%06d", id);
    }

    BatchReport toReport(List<BatchResult> results) {
        Map<Verdict, Integer> map = new EnumMap<>(Verdict.class);
        for (String pair : counts.isEmpty() ? new String[0] : counts.split(",")) {
            String[] kv = pair.split("=");
            map.put(Verdict.valueOf(kv[0]), Integer.parseInt(kv[1]));
        }
        return new BatchReport(id, reportNumber, token, createdAt.toInstant(ZoneOffset.UTC), verifierName, rowCount,
                map, results);
    }
}
