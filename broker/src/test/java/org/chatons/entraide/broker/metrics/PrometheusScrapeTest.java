package org.chatons.entraide.broker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.chatons.entraide.broker.BrokerTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /prometheus} as Prometheus fetches it (gzip) and as a person's curl does (plain text): the same series. */
@MicronautTest
class PrometheusScrapeTest extends BrokerTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aScraperAskingForGzipGetsTheSameSeriesCompressed() throws Exception {
        report("alpha", host("alpha", "pad-1", "pad", 50, 100));

        HttpResponse<byte[]> zipped = http.send(request("/prometheus")
                .header("Accept-Encoding", "gzip, deflate").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> plain = get("/prometheus");

        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Content-Type")).hasValue(PrometheusScrape.TEXT_FORMAT);
        assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        String text = gunzip(zipped.body());
        assertThat(text).contains("# TYPE entraide_host_load gauge")
                .contains("entraide_host_load{host=\"pad-1\",member=\"alpha\",service=\"pad\",source=\"agent\"} 0.5");
        assertThat(zipped.body().length).isLessThan(text.length() / 4);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValue("Content-Type")).hasValue(PrometheusScrape.TEXT_FORMAT);
        assertThat(plain.body()).contains(
                "entraide_host_load{host=\"pad-1\",member=\"alpha\",service=\"pad\",source=\"agent\"} 0.5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "gzip|true", "GZIP;q=0.5|true", "deflate, gzip;q=1.0, br|true", "x-gzip|true", "*|true",
            "null|false", "identity|false", "deflate, br|false", "gzip;q=0|false", "gzip; q=0.000|false",
            "gzipped|false"})
    void gzipIsUsedWhenTheScraperAcceptsIt(String acceptEncoding, boolean gzip) {
        assertThat(PrometheusScrape.acceptsGzip(acceptEncoding)).isEqualTo(gzip);
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
