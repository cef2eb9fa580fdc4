package org.chatons.entraide.broker.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /prometheus}: the registry in Prometheus's text format, written straight into gzip when the scraper asks
 * for it (Prometheus always does).
 *
 * <p>It replaces micronaut-micrometer's endpoint (off in application.yml), which builds the whole text as a
 * {@code String} before Netty compresses it: with 10,000 hosts some 11 MB of text, copied three times, each copy
 * too large for the young generation, so the heap grew by tens of MiB at every scrape and stayed grown
 * (BENCHMARKS.md section 4). Compressed as it is written, a scrape holds about half a megabyte; the federation's
 * families ({@link FederationCollector}) come after the registry's, each written before the next is built.
 */
@Controller
public class PrometheusScrape {

    /** The format micronaut-micrometer's endpoint answered (Prometheus text, 0.0.4): the same for scrapers. */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final FederationCollector federation;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    PrometheusScrape(PrometheusMeterRegistry registry, FederationCollector federation) {
        this.registry = registry;
        this.federation = federation;
    }

    @Get(uri = "/prometheus", produces = TEXT_FORMAT)
    public HttpResponse<byte[]> scrape(@Header(HttpHeaders.ACCEPT_ENCODING) @Nullable String acceptEncoding) {
        boolean gzip = acceptsGzip(acceptEncoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream(gzip ? 64 * 1024 : 1024 * 1024);
        try {
            if (gzip) {
                try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
                    write(zip);
                }
            } else {
                write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the metrics to memory", e);
        }
        var response = HttpResponse.ok(out.toByteArray()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip") : response;
    }

    private void write(OutputStream out) throws IOException {
        registry.scrape(out, TEXT_FORMAT);
        for (Supplier<MetricSnapshot> family : federation.families()) {
            writer.write(out, MetricSnapshots.of(family.get()));
        }
    }

    /** Whether the Accept-Encoding header names gzip with a weight above 0 (RFC 9110 12.5.3). */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip") || name.equals("*")) {
                return parts.length == 1 || !parts[1].strip().matches("(?i)q\\s*=\\s*0(\\.0{0,3})?");
            }
        }
        return false;
    }
}
