package org.chatons.entraide.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tree read without an ObjectMapper is the one {@code ObjectMapper.readTree} gives, node types included. */
class JsonTreeTest {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"releaseId\":\"2.2.7\",\"status\":\"pass\"}",
            "{\"totalUsers\":14,\"activePads\":5,\"memoryUsage\":187342848,\"connects\":{\"mean\":0.01,\"count\":331}}",
            "{\"int\":2147483647,\"long\":2147483648,\"big\":123456789012345678901234567890,\"neg\":-3,"
                    + "\"float\":0.5,\"exp\":1e3,\"negexp\":-2.5E-3}",
            "{\"t\":true,\"f\":false,\"n\":null,\"s\":\"N/A\",\"esc\":\"a\\\"b\\u00e9\\n\"}",
            "{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/2.1\",\"href\":\"https://x/2.1\"}],"
                    + "\"empty\":[],\"nested\":[[1,[2,[]]],{}]}",
            "[1,\"two\",3.0,null,true,{\"a\":[]}]",
            "\"just a string\"", "42", "null",
            "{\"same\":1,\"same\":2}",
            "{\"data\":{\"config\":{\"registrationsOpen\":true}}} trailing words",
            "  \n {\"spaced\" : [ 1 , 2 ] }  "
    })
    void readsWhatReadTreeReads(String text) throws IOException {
        JsonNode ours = JsonTree.read(text);
        JsonNode jackson = MAPPER.readTree(text);

        assertThat(ours).isEqualTo(jackson);
        assertSameTypes(ours, jackson);
    }

    @Test
    void anEmptyTextIsAMissingNodeAsWithReadTree() throws IOException {
        assertThat(JsonTree.read("").isMissingNode()).isTrue();
        assertThat(JsonTree.read("   \n").isMissingNode()).isTrue();
        assertThat(MAPPER.readTree("").isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>Bad Gateway</html>", "{\"a\":", "{\"a\" 1}", "[1,2", "{\"a\":1,}", "tru", "{'a':1}"})
    void refusesWhatIsNotJson(String text) {
        assertThatThrownBy(() -> JsonTree.read(text)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> MAPPER.readTree(text)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesNestingDeeperThanItsLimitRatherThanRecursingOn() throws IOException {
        String deepest = "[".repeat(JsonTree.MAX_DEPTH) + "]".repeat(JsonTree.MAX_DEPTH);
        assertThat(JsonTree.read(deepest).isArray()).isTrue();

        String hostile = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> JsonTree.read(hostile)).isInstanceOf(StreamConstraintsException.class);
        Answer answer = new Answer(200, "application/json", hostile, false, Duration.ZERO);
        assertThatThrownBy(() -> Json.parse(answer, "/stats"))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessage("/stats: too large to read "
                        + "(Document nesting depth (65) exceeds the maximum allowed (64))");
    }

    @Test
    void aNumberTooLongToReadIsSaidToBeOneNotADeepNesting() {
        Answer answer = new Answer(200, "application/json", "{\"users\":" + "9".repeat(2000) + "}", false,
                Duration.ZERO);
        assertThatThrownBy(() -> Json.parse(answer, "/stats"))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageStartingWith("/stats: too large to read (Number value length")
                .hasMessageNotContaining("nesting");
    }

    @Test
    void theDefensiveReadersSeeTheSameFiguresOnEitherTree() throws IOException {
        String text = "{\"users\":{\"total\":12,\"activeMonth\":\"N/A\",\"load\":0.25,\"big\":1e400,\"neg\":-1}}";
        for (JsonNode node : new JsonNode[] {JsonTree.read(text), MAPPER.readTree(text)}) {
            assertThat(Json.count(node, "users", "total")).isEqualTo(12);
            assertThat(Json.count(node, "users", "activeMonth")).isNull();
            assertThat(Json.number(node, "users", "load")).isEqualTo(0.25);
            assertThat(Json.number(node, "users", "big")).isNull();
            assertThat(Json.count(node, "users", "neg")).isNull();
        }
    }

    private static void assertSameTypes(JsonNode ours, JsonNode jackson) {
        assertThat(ours.getClass()).isEqualTo(jackson.getClass());
        if (ours.isContainerNode()) {
            for (int i = 0; i < ours.size(); i++) {
                if (ours.isArray()) {
                    assertSameTypes(ours.get(i), jackson.get(i));
                }
            }
            ours.fieldNames().forEachRemaining(name -> assertSameTypes(ours.get(name), jackson.get(name)));
        }
    }
}
