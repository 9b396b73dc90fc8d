package org.titlecert.certificate;

/**
 * The generation queue.
 *
 * @param queued           certificates waiting or being rendered
 * @param perSecond        recent throughput of all workers
 * @param estimatedSeconds roughly how long the queue takes to drain
 */
public record QueueState(long queued, double perSecond, int estimatedSeconds) {
}
