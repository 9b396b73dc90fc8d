package org.titlecert.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aClientGetsABurstThenWaitsWhileOthersAreUnaffected() {
        RateLimiter limiter = new RateLimiter(120);
        long t = 1_000_000_000L;
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.acquire("10.0.0.1", t)).as("burst %d", i).isZero();
        }
        assertThat(limiter.acquire("10.0.0.1", t)).as("the 31st at once").isPositive();
        assertThat(limiter.acquire("10.0.0.2", t)).as("another client").isZero();
        assertThat(limiter.acquire("10.0.0.1", t + 500_000_000L)).as("two a second refill").isZero();
    }

    /** The database's counts as two nodes see them. */
    private static class Counts implements SharedCounts {
        final Map<String, Long> totals = new HashMap<>();
        boolean down;

        @Override
        public synchronized Map<String, Long> add(String limiter, long minute, Map<String, Long> hits) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            Map<String, Long> out = new HashMap<>();
            hits.forEach((client, n) -> out.put(client, totals.merge(limiter + minute + client, n, Long::sum)));
            return out;
        }
    }

    @Test
    void twoNodesTogetherLetAClientThroughAtMostItsLimitPerMinute() {
        Counts db = new Counts();
        AtomicLong clock = new AtomicLong(60_000L * 1000 + 5_000);
        // bursts as large as the minute, so that only the shared window limits
        RateLimiter one = new RateLimiter("verify", 20, 20, () -> db, clock::get);
        RateLimiter two = new RateLimiter("verify", 20, 20, () -> db, clock::get);
        int allowed = 0;
        for (int i = 0; i < 60; i++) {
            if ((i % 2 == 0 ? one : two).acquire("10.0.0.1", 0) == 0) {
                allowed++;
            }
            if (i % 7 == 0) {
                one.flush();
                two.flush();
            }
        }
        assertThat(allowed).isEqualTo(20);
        long later = 60_000_000_000L; // the node's bucket full again, the minute still the same
        assertThat(one.acquire("10.0.0.1", later)).as("seconds to the next minute").isEqualTo(55);
        assertThat(two.acquire("10.0.0.2", 0)).as("another client").isZero();

        clock.addAndGet(60_000);
        assertThat(one.acquire("10.0.0.1", later)).as("a new minute").isZero();
    }

    @Test
    void aFlushStillAddingIsNotCountedTwiceByARequestNearTheLimit() throws Exception {
        CountDownLatch flushing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Counts db = new Counts() {
            @Override
            public Map<String, Long> add(String limiter, long minute, Map<String, Long> hits) {
                if (hits.get("10.0.0.1") == 5L) { // the flush, slowed like a busy database
                    flushing.countDown();
                    await(release);
                }
                return super.add(limiter, minute, hits);
            }
        };
        RateLimiter limiter = new RateLimiter("verify", 20, 20, () -> db, () -> 0L);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("10.0.0.1", 0)).isZero();
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> flush = pool.submit(limiter::flush);
            flushing.await();
            // five hits on their way to the database: the next request near the limit waits for them
            Future<Integer> near = ForkJoinPool.commonPool().submit(() -> limiter.acquire("10.0.0.1", 0));
            Thread.sleep(200);
            assertThat(near).as("waits for the flush").isNotDone();
            release.countDown();
            flush.get(5, TimeUnit.SECONDS);
            assertThat(near.get(5, TimeUnit.SECONDS)).isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.totals.get("verify0" + "10.0.0.1")).as("counted once").isEqualTo(6L);
        int allowed = 6;
        for (int i = 0; i < 30; i++) {
            allowed += limiter.acquire("10.0.0.1", 0) == 0 ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(20);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aNodeLimitsAloneWhileTheSharedCountsDoNotAnswer() {
        Counts db = new Counts();
        db.down = true;
        RateLimiter limiter = new RateLimiter("verify", 120, 0, () -> db, () -> 0L);
        long t = 1_000_000_000L;
        limiter.flush();
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += limiter.acquire("10.0.0.1", t) == 0 ? 1 : 0;
        }
        assertThat(allowed).as("the node's own burst").isEqualTo(30);
    }
}
