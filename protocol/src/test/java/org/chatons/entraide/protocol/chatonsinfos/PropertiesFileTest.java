package org.chatons.entraide.protocol.chatonsinfos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every quirk of real ChatonsInfos files that the reader takes (see {@link PropertiesFile}). */
class PropertiesFileTest {

    static PropertiesFile utf8(String text) {
        return PropertiesFile.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Each key reads as its value. */
    static void assertReads(PropertiesFile p, Map<String, String> expected) {
        expected.forEach((key, value) -> assertThat(p.get(key)).as(key).contains(value));
    }

    @Test
    void singleAndDoubleQuotesAroundAValueAreRemovedOnce() {
        PropertiesFile p = utf8("subs.pad = 'https://a.org/pad.properties'\nsubs.visio=\"https://a.org/v.properties\"\n"
                + "service.name = 'It''s quoted'\nservice.description = 'unbalanced\"\n");
        assertThat(p.subs()).containsExactly(Map.entry("pad", "https://a.org/pad.properties"),
                Map.entry("visio", "https://a.org/v.properties"));
        assertReads(p, Map.of("service.name", "It''s quoted", "service.description", "'unbalanced\""));
    }

    @Test
    void commentsAndSectionLinesAreSkipped() {
        PropertiesFile p = utf8("# [File]\n! old-style comment = not a key\n  # indented comment\n[Subs]\n"
                + "  [Service]  \nsubs.a = https://a.org/a.properties\n");
        assertThat(p.values()).containsOnlyKeys("subs.a");
    }

    @Test
    void crlfCrAndLfLineEndsAndTrailingBlanksAllWork() {
        PropertiesFile p = utf8("file.class = Service\r\nservice.name = Pad \t\r\nsoftware.name = Etherpad\r"
                + "service.website = https://pad.a.org/\n");
        assertReads(p, Map.of("file.class", "Service", "service.name", "Pad", "software.name", "Etherpad",
                "service.website", "https://pad.a.org/"));
    }

    @Test
    void utf8IsReadAsUtf8AndABomIsDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "file.class = Organization\norganization.name = Hébergement Ça va\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        PropertiesFile p = PropertiesFile.parse(all);
        assertReads(p, Map.of("file.class", "Organization", "organization.name", "Hébergement Ça va"));
    }

    @Test
    void handEditedLatin1OrWindows1252FallsBack() {
        byte[] latin1 = "organization.name = Hébergement « libre » – œuvre\n".getBytes(java.nio.charset.Charset
                .forName("windows-1252"));
        assertThat(PropertiesFile.parse(latin1).get("organization.name")).contains("Hébergement « libre » – œuvre");
        byte[] iso = "service.name = Équipe\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PropertiesFile.parse(iso).get("service.name")).contains("Équipe");
    }

    @Test
    void emptyValuesAreNoValues() {
        PropertiesFile p = utf8("service.enddate =\nservice.status.description = ''\nservice.logo=   \n"
                + "service.name = Pad\n");
        assertThat(p.get("service.enddate")).isEmpty();
        assertThat(p.get("service.status.description")).isEmpty();
        assertThat(p.get("service.logo")).isEmpty();
        assertThat(p.values()).containsOnlyKeys("service.name");
    }

    @Test
    void keysAreComparedWithoutCaseAndTheLastDuplicateWins() {
        PropertiesFile p = utf8("File.Class = service\nORGANIZATION.funding.Tipee = https://t.org/\n"
                + "service.name = First\nservice.name = Second\n");
        assertReads(p, Map.of("file.class", "service", "organization.funding.tipee", "https://t.org/",
                "service.name", "Second"));
    }

    @Test
    void colonOrBlankSeparatorsContinuationLinesAndEscapes() {
        PropertiesFile p = utf8("service.name: Pad\nsoftware.name Etherpad\nservice.description = one \\\n"
                + "    two\nservice.status.description = line\\nbreak \\u00e9t\\u00E9\nkey\\ with\\ blank = v\n");
        assertReads(p, Map.of("service.name", "Pad", "software.name", "Etherpad", "service.description", "one two",
                "service.status.description", "line\nbreak été", "key with blank", "v"));
    }

    @Test
    void enumerationListsAreSplitOnSemicolons() {
        PropertiesFile p = utf8("service.registration = Free;Member\nservice.install.type = ; DISTRIBUTION ;\n");
        assertThat(p.list("service.registration")).containsExactly("Free", "Member");
        assertThat(p.list("service.install.type")).containsExactly("DISTRIBUTION");
        assertThat(p.upper("service.registration")).contains("FREE;MEMBER");
    }

    @Test
    void aBinaryOrEmptyFileGivesNothingRatherThanFailing() {
        assertThat(PropertiesFile.parse(new byte[0]).values()).isEmpty();
        // Not UTF-8, read as windows-1252: a key without a value, then a value without a key.
        assertThat(PropertiesFile.parse(new byte[] {0, (byte) 0xFF, 10, 61, 13}).values()).isEmpty();
    }

    @Test
    void relativeSubsAreKeptAsWrittenForTheCrawlerToResolve() {
        PropertiesFile p = utf8("subs.pad = pad.properties\nsubs.up = ../other/x.properties\n");
        assertThat(p.subs()).containsEntry("pad", "pad.properties").containsEntry("up", "../other/x.properties");
    }
}
