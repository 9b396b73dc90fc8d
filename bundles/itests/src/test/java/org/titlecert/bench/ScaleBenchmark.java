package org.titlecert.bench;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.titlecert.itests.Api;
import org.titlecert.itests.TwoNodes;

/**
 * Issue 11's figure of several nodes: the pipeline of a 1,000-person filing with one node, then with two nodes,
 * one worker each, on one PostgreSQL and one S3 bucket, on this one machine (so the two nodes share its cores).
 */
class ScaleBenchmark {

    private static final int PEOPLE = 1000;
    private static final int ROUNDS = 4;
    private static final int WARM = 2;

    @Test
    void pipelineOfOneNodeAndOfTwoNodesOnOnePostgresql() {
        try (TwoNodes nodes = TwoNodes.start("scale", null, "workers = 1")) {
            Api system = nodes.system(nodes.one);
            long[] filings = new long[2 * ROUNDS];
            for (int i = 0; i < filings.length; i++) {
                filings[i] = Pipelines.photographedFiling(system, "规模测试批复" + (i + 1), PEOPLE, 70000 + i * PEOPLE,
                        Pipelines.UNSEALED);
            }
            nodes.two.stop();
            double[][] one = new double[ROUNDS][];
            for (int r = 0; r < ROUNDS; r++) {
                one[r] = Pipelines.run(system, filings[r], PEOPLE, nodes.one);
            }
            nodes.two.start();
            double[][] two = new double[ROUNDS][];
            for (int r = 0; r < ROUNDS; r++) {
                two[r] = Pipelines.run(system, filings[ROUNDS + r], PEOPLE, nodes.one, nodes.two);
            }
            double overall1 = warm(one, 0);
            double overall2 = warm(two, 0);
            Figures.report(String.format("pipeline on PostgreSQL + S3, %d people, one worker per node: one node %.0f/s "
                    + "(steady %.0f/s, %.2f ms CPU/cert), two nodes %.0f/s (steady %.0f/s, %.2f ms CPU/cert): %.2f× "
                    + "(median of the last %d of %d rounds each; both nodes on this machine's 2 cores)", PEOPLE,
                    overall1, warm(one, 1), warm(one, 3), overall2, warm(two, 1), warm(two, 3), overall2 / overall1,
                    ROUNDS - WARM, ROUNDS));
        }
    }

    private static double warm(double[][] rounds, int figure) {
        return Figures.median(Arrays.stream(rounds, WARM, rounds.length).mapToDouble(r -> r[figure]).toArray());
    }
}
