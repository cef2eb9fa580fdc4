package org.chatons.entraide.broker.chatonsinfos;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import org.chatons.entraide.broker.config.StartupError;

/**
 * How the broker reads the federation's ChatonsInfos files, under {@code broker.chatonsinfos.} (env
 * {@code BROKER_CHATONSINFOS_...}). Defaults and their reasons are in {@code application.yml}.
 *
 * @param federationUrl  the federation file: an http(s) URL or a file path; empty: ChatonsInfos is not read
 * @param refresh        how often the whole federation is read again
 * @param capacityUsers  the capacity given to a declared host (ChatonsInfos says nothing of it): how many users
 *                       this broker may send it between two public probes before counting it full
 * @param maxFiles       files read per refresh at most, the federation file included
 * @param maxSubs        {@code subs.*} lines followed per file at most
 * @param maxFileBytes   a larger file is not read
 * @param requestTimeout time one file may take to arrive
 * @param crawlTimeout   time a whole refresh may take; files not read by then count as unreadable
 * @param concurrency    files read at once
 * @param keepFilesFor   how long the last good copy of a file stays in use while it cannot be read
 */
@ConfigurationProperties("broker.chatonsinfos")
public record ChatonsInfosConfig(@Nullable String federationUrl, Duration refresh, int capacityUsers, int maxFiles,
                                 int maxSubs, int maxFileBytes, Duration requestTimeout, Duration crawlTimeout,
                                 int concurrency, Duration keepFilesFor) {

    public ChatonsInfosConfig {
        require(refresh != null && refresh.compareTo(Duration.ofSeconds(1)) >= 0,
                "broker.chatonsinfos.refresh: " + refresh + " (expected: at least 1s)");
        require(capacityUsers >= 1, "broker.chatonsinfos.capacity-users: " + capacityUsers + " (expected: >= 1)");
        require(maxFiles >= 1, "broker.chatonsinfos.max-files: " + maxFiles + " (expected: >= 1)");
        require(maxSubs >= 1, "broker.chatonsinfos.max-subs: " + maxSubs + " (expected: >= 1)");
        require(maxFileBytes >= 1024, "broker.chatonsinfos.max-file-bytes: " + maxFileBytes + " (expected: >= 1024)");
        require(requestTimeout != null && !requestTimeout.isNegative() && !requestTimeout.isZero(),
                "broker.chatonsinfos.request-timeout: " + requestTimeout + " (expected: more than 0)");
        require(crawlTimeout != null && crawlTimeout.compareTo(requestTimeout) >= 0,
                "broker.chatonsinfos.crawl-timeout: " + crawlTimeout + " (expected: at least request-timeout)");
        require(concurrency >= 1, "broker.chatonsinfos.concurrency: " + concurrency + " (expected: >= 1)");
        require(keepFilesFor != null && !keepFilesFor.isNegative(),
                "broker.chatonsinfos.keep-files-for: " + keepFilesFor + " (expected: 0 or more)");
    }

    /** Whether a federation is configured at all. */
    public boolean enabled() {
        return federationUrl != null && !federationUrl.isBlank();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new StartupError(message);
        }
    }
}
