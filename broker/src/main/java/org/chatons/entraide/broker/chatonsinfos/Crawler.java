package org.chatons.entraide.broker.chatonsinfos;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatons.entraide.broker.publicprobe.OutsideHttp;
import org.chatons.entraide.protocol.chatonsinfos.PropertiesFile;

/**
 * Reads a federation the way ChatonsInfos builds it: the federation file, then each
 * {@code subs.*} organization file, then each of their {@code subs.*} service files, following only what the
 * files say (URLs are never guessed), resolving relative values against the file that holds them.
 *
 * <p>Bounded everywhere a hostile or broken file could make it work without end: two levels below the federation
 * (a service's own subs, metrics files, are not followed), {@code max-subs} per file, {@code max-files} per
 * refresh, a size limit and a timeout per file, a time limit for the whole refresh; each address is read once per
 * refresh, so a cycle or a file listed twice costs one request. One bad file costs that file only: its last good
 * copy stands in for it (a Caffeine cache, bounded in size, whose entries expire after {@code keep-files-for}),
 * or it is left out with its reason.
 */
public final class Crawler {

    /** The federation file could not be used: the caller keeps its last good view. */
    public static final class FederationUnreadable extends Exception {
        public FederationUnreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static final String ACCEPT = "text/plain, */*;q=0.5";
    private static final int MAX_REDIRECTS = 3;

    private final ChatonsInfosConfig config;
    private final OutsideHttp http;
    private final ExecutorService pool;
    private final Clock clock;
    private final Cache<URI, PropertiesFile> lastGood;

    /**
     * @param config what to read and within which bounds
     * @param http   the client for http(s) files
     * @param pool   the threads that read files, at most {@code concurrency} at once
     * @param clock  the time source
     */
    public Crawler(ChatonsInfosConfig config, OutsideHttp http, ExecutorService pool, Clock clock) {
        this.config = config;
        this.http = http;
        this.pool = pool;
        this.clock = clock;
        this.lastGood = Caffeine.newBuilder().maximumSize(config.maxFiles())
                .expireAfterWrite(config.keepFilesFor()).build();
    }

    /** The federation address as configured: a URL, or a file path made a {@code file:} URI. */
    public static URI federationUri(String configured) {
        String value = configured.strip();
        if (value.startsWith("http://") || value.startsWith("https://") || value.startsWith("file:")) {
            return URI.create(value);
        }
        return Path.of(value).toAbsolutePath().toUri();
    }

    /** Reads the whole federation once. */
    public Crawl crawl() throws FederationUnreadable, InterruptedException {
        Instant started = clock.instant();
        long deadline = System.nanoTime() + config.crawlTimeout().toNanos();
        URI root = federationUri(config.federationUrl());
        boolean files = root.getScheme().equals("file");
        Optional<String> refused = Addresses.refusal(root, true);
        if (refused.isPresent()) {
            throw new FederationUnreadable(root + ": " + refused.get());
        }
        AtomicInteger requests = new AtomicInteger();
        Map<URI, CompletableFuture<Crawl.File>> reads = new ConcurrentHashMap<>();
        Crawl.File federation = read(root, requests, reads, deadline).join();
        if (federation.problem() != null) {
            throw new FederationUnreadable(root + ": " + federation.problem());
        }
        PropertiesFile fed = federation.properties();
        Optional<String> fileClass = fed.get("file.class");
        if (fileClass.isPresent() && !fileClass.get().equalsIgnoreCase("federation")) {
            throw new FederationUnreadable(root + ": file.class is '" + fileClass.get() + "' (expected: Federation)");
        }
        Map<String, CompletableFuture<Crawl.File>> orgFiles = follow(root, fed, files, requests, reads, deadline);
        Map<String, Map<String, CompletableFuture<Crawl.File>>> serviceFiles = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<Crawl.File>> org : orgFiles.entrySet()) {
            Crawl.File file = await(org.getValue(), deadline);
            serviceFiles.put(org.getKey(), file.readable()
                    ? follow(file.uri(), file.properties(), files, requests, reads, deadline) : Map.of());
        }
        List<Crawl.Organization> organizations = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<Crawl.File>> org : orgFiles.entrySet()) {
            List<Crawl.Service> services = new ArrayList<>();
            for (Map.Entry<String, CompletableFuture<Crawl.File>> s : serviceFiles.get(org.getKey()).entrySet()) {
                services.add(new Crawl.Service(s.getKey(), await(s.getValue(), deadline)));
            }
            organizations.add(new Crawl.Organization(org.getKey(), await(org.getValue(), deadline), services));
        }
        return new Crawl(root, fed, organizations, requests.get(), started,
                Duration.between(started, clock.instant()));
    }

    /** Starts reading every {@code subs.*} of a file, at most {@code max-subs} of them. */
    private Map<String, CompletableFuture<Crawl.File>> follow(URI base, PropertiesFile file, boolean files,
                                                             AtomicInteger requests,
                                                             Map<URI, CompletableFuture<Crawl.File>> reads,
                                                             long deadline) {
        Map<String, CompletableFuture<Crawl.File>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> sub : file.subs().entrySet()) {
            if (out.size() >= config.maxSubs()) {
                break;
            }
            URI target;
            try {
                target = base.resolve(sub.getValue().replace(" ", "%20")).normalize();
            } catch (IllegalArgumentException e) {
                out.put(sub.getKey(), CompletableFuture.completedFuture(
                        new Crawl.File(null, null, "'" + sub.getValue() + "' is not a URL")));
                continue;
            }
            Optional<String> refused = Addresses.refusal(target, files);
            out.put(sub.getKey(), refused.isPresent()
                    ? CompletableFuture.completedFuture(new Crawl.File(target, null, refused.get()))
                    : read(target, requests, reads, deadline));
        }
        return out;
    }

    private CompletableFuture<Crawl.File> read(URI uri, AtomicInteger requests,
                                               Map<URI, CompletableFuture<Crawl.File>> reads, long deadline) {
        return reads.computeIfAbsent(uri, u -> {
            if (reads.size() > config.maxFiles()) {
                return CompletableFuture.completedFuture(fallback(u, "more than " + config.maxFiles()
                        + " files in the federation (broker.chatonsinfos.max-files): not read"));
            }
            return CompletableFuture.supplyAsync(() -> {
                if (System.nanoTime() > deadline) {
                    return fallback(u, "the refresh ran out of time (broker.chatonsinfos.crawl-timeout)");
                }
                requests.incrementAndGet();
                try {
                    PropertiesFile properties = PropertiesFile.parse(fetch(u));
                    lastGood.put(u, properties);
                    return new Crawl.File(u, properties, null);
                } catch (IOException e) {
                    return fallback(u, e.getMessage());
                }
            }, pool);
        });
    }

    private Crawl.File fallback(URI uri, String problem) {
        return new Crawl.File(uri, lastGood.getIfPresent(uri), problem);
    }

    private Crawl.File await(CompletableFuture<Crawl.File> read, long deadline) {
        try {
            return read.get(Math.max(0, deadline - System.nanoTime()) + config.requestTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            read.cancel(true);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Crawl.File(null, null, "the refresh ran out of time (broker.chatonsinfos.crawl-timeout)");
        }
    }

    /** The file's bytes: one GET (up to three redirects followed), or a file read, within the size limit. */
    byte[] fetch(URI uri) throws IOException {
        if (uri.getScheme().equals("file")) {
            Path path = Path.of(uri);
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes(config.maxFileBytes() + 1);
                if (bytes.length > config.maxFileBytes()) {
                    throw new IOException("larger than " + config.maxFileBytes() / 1024 + " KiB, not read");
                }
                return bytes;
            } catch (NoSuchFileException e) {
                throw new IOException("no such file");
            }
        }
        URI at = uri;
        OutsideHttp.Raw answer = http.get(at, ACCEPT);
        for (int hop = 0; hop < MAX_REDIRECTS && answer.status() >= 300 && answer.status() < 400
                && answer.location() != null; hop++) {
            // http to https, or a moved folder: followed, each hop under the same rules as a subs line.
            at = at.resolve(answer.location());
            Optional<String> refused = Addresses.refusal(at, false);
            if (refused.isPresent()) {
                throw new IOException("redirected to " + at + ": " + refused.get());
            }
            answer = http.get(at, ACCEPT);
        }
        if (answer.status() != 200) {
            throw new IOException("answers " + answer.status());
        }
        return answer.body();
    }
}
