package org.chatons.entraide.broker.web.picker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import org.chatons.entraide.broker.BrokerTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Micronaut answers itself ({@link FrameworkErrors}): a path nothing answers says so, in the person's language
 * or as a problem, and never repeats the path; the broker's own 404s keep their answers.
 */
@MicronautTest
class FrameworkErrorsTest extends BrokerTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/go/visio/OurSecretMeeting/x", "/go/visio/a/OurSecretMeeting?q=OurSecretMeeting",
            "/api/v1/services/visio/rooms/OurSecretMeeting/x", "/OurSecretMeeting"})
    void aProgramGetsAProblemWithoutThePath(String path) {
        HttpResponse<String> answer = send(request(path).header("Accept", "application/json").GET());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"/problems/not-found\"").doesNotContain("OurSecretMeeting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/go/visio/OurSecretMeeting/x", "/OurSecretMeeting?near=BE"})
    void aBrowserGetsAPageInItsLanguageWithoutThePath(String path) {
        HttpResponse<String> fr = send(request(path).header("Accept", PickerPagesTest.BROWSER_ACCEPT)
                .header("Accept-Language", "fr-BE,fr;q=0.9").GET());
        HttpResponse<String> en = send(request(path).header("Accept", PickerPagesTest.BROWSER_ACCEPT)
                .header("Accept-Language", "en-GB,en;q=0.9").GET());

        assertThat(fr.statusCode()).isEqualTo(404);
        assertThat(fr.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(fr.body()).contains("<html lang=\"fr\">").contains("Cette page n’existe pas")
                .doesNotContain("OurSecretMeeting");
        assertThat(en.body()).contains("<html lang=\"en\">").contains("No such page")
                .doesNotContain("OurSecretMeeting");
    }

    @Test
    void aMethodARouteDoesNotTakeIsRefusedWithoutThePath() {
        HttpResponse<String> answer = send(request("/go/visio/OurSecretMeeting").header("Accept", "application/json")
                .DELETE());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).isPresent();
        assertThat(answer.body()).doesNotContain("OurSecretMeeting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/go/nothing", "/api/v1/services/nothing/hosts"})
    void anUnknownServiceKeepsItsOwnAnswer(String path) {
        HttpResponse<String> answer = send(request(path).header("Accept", "application/json").GET());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("\"/problems/unknown-service\"");
    }
}
