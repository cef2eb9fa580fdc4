package org.chatons.entraide.broker.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import java.net.http.HttpResponse;
import org.chatons.entraide.broker.BrokerTestBase;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

/** A broker whose health is DOWN says so with a 503 (what a container's health check reads), not a 200. */
@MicronautTest
@Property(name = "test.health.down", value = "true")
class HealthHttpStatusTest extends BrokerTestBase {

    @Singleton
    @Requires(property = "test.health.down", value = "true")
    static class Down implements HealthIndicator {
        @Override
        public Publisher<HealthResult> getResult() {
            return Publishers.just(HealthResult.builder("test", HealthStatus.DOWN).build());
        }
    }

    @Test
    void aDownHealthIs503AndOtherAnswersAreLeftAlone() {
        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(get("/api/v1/services").statusCode()).isEqualTo(200);
    }
}
