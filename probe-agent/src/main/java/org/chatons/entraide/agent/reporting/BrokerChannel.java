package org.chatons.entraide.agent.reporting;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.atomic.AtomicReference;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.agent.metrics.AgentMetrics.PushOutcome;
import org.chatons.entraide.protocol.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers reports to one broker on a thread of its own, so a slow or dead broker delays neither probing nor
 * the other brokers. It holds only the latest report: a newer one replaces a waiting one, and a retry of an old
 * report gives way as soon as a newer one arrives, so nothing queues up while a broker is away.
 */
public final class BrokerChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerChannel.class);

    private final BrokerClient client;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final AgentMetrics metrics;
    private final AtomicReference<Report> latest = new AtomicReference<>();
    private final Object signal = new Object();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile PushResult lastResult;

    /** Thrown inside the retry when the broker could not take the report (5xx, time-out, refused): retried. */
    static final class BrokerUnavailable extends RuntimeException {
        BrokerUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown inside the retry when a newer report is waiting: the old one is dropped, not retried. */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super(null, null, false, false);
        }
    }

    /**
     * Starts the channel's thread.
     *
     * @param client  the broker
     * @param retry   its own retry
     * @param breaker its own circuit breaker
     * @param metrics where push outcomes are counted
     */
    public BrokerChannel(BrokerClient client, Retry retry, CircuitBreaker breaker, AgentMetrics metrics) {
        this.client = client;
        this.retry = retry;
        this.breaker = breaker;
        this.metrics = metrics;
        this.worker = new Thread(this::deliver, "push-" + client.name());
        worker.setDaemon(true);
        worker.start();
    }

    /** Hands over the latest report; returns at once. A report still waiting is replaced. */
    public void offer(Report report) {
        latest.set(report);
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** The broker's answer to the last attempt, or null before any. */
    public PushResult lastResult() {
        return lastResult;
    }

    /** The broker's base URL, a user name or password hidden. */
    public String broker() {
        return client.name();
    }

    /** Its retry, whose events tell the pauses it chose. */
    Retry retry() {
        return retry;
    }

    private void deliver() {
        while (running) {
            Report report;
            try {
                report = next();
            } catch (InterruptedException e) {
                return;
            }
            if (report == null) {
                continue;
            }
            try {
                retry.executeSupplier(() -> attempt(report));
            } catch (BrokerUnavailable e) {
                LOG.warn("Broker {} did not take the report after {} tries: {}", client.name(),
                        retry.getRetryConfig().getMaxAttempts(), e.getMessage());
            } catch (CallNotPermittedException e) {
                LOG.debug("Broker {}: circuit open, report not sent", client.name());
            } catch (Superseded e) {
                // a newer report is waiting; the loop sends it next
            } catch (RuntimeException e) {
                LOG.warn("Broker {}: push failed", client.name(), e);
            }
        }
    }

    private Report next() throws InterruptedException {
        synchronized (signal) {
            while (running && latest.get() == null) {
                signal.wait();
            }
        }
        return latest.getAndSet(null);
    }

    private PushResult attempt(Report report) {
        if (latest.get() != null) {
            throw new Superseded();
        }
        try {
            return breaker.executeSupplier(() -> send(report));
        } catch (CallNotPermittedException e) {
            metrics.pushed(client.name(), PushOutcome.CIRCUIT_OPEN);
            throw e;
        }
    }

    private PushResult send(Report report) {
        PushResult result;
        try {
            result = client.push(report, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Superseded();
        }
        lastResult = result;
        PushOutcome outcome = result.outcome();
        metrics.pushed(client.name(), outcome);
        switch (outcome) {
            case FAILURE -> throw new BrokerUnavailable(result.status() == 0 ? result.detail()
                    : result.status() + " " + result.detail());
            case REJECTED -> LOG.warn("Broker {} refused the report ({}): {}", client.name(), result.status(), result.detail());
            default -> LOG.debug("Broker {} took the report of {}", client.name(), report.sentAt());
        }
        return result;
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
