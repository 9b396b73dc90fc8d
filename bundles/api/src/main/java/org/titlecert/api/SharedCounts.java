package org.titlecert.api;

import java.util.Map;

/**
 * Counts that every node of the platform adds to and reads: what makes a per-client rate limit hold across nodes.
 */
public interface SharedCounts {

    /**
     * Adds this node's hits to the clients' counts of one limiter in one minute, and returns each client's total
     * over all nodes. A client with 0 hits is only read.
     *
     * @param minute the window, as minutes since the epoch
     */
    Map<String, Long> add(String limiter, long minute, Map<String, Long> hits);
}
