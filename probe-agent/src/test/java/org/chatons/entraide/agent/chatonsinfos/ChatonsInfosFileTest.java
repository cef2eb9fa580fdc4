package org.chatons.entraide.agent.chatonsinfos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rewrite of a member's own file, checked byte for byte: only two values change, nothing else. */
class ChatonsInfosFileTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 18, 5, 9, 123_000_000);

    @TempDir
    Path dir;

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void onlyTheLoadAndTheDatetimeValuesChangeWithCrlfQuotesAndCommentsKept() {
        String before = "# [File]\r\nfile.class = Service\r\nfile.datetime = '2025-05-12T08:00:00'\r\n"
                + "file.generator = chatonsinfos_ynh\r\n\r\n# [Service]\r\n# service.registration.load = OPEN\r\n"
                + "service.name = Pad du Chaton Vert  \r\nservice.registration = None\r\n"
                + "service.registration.load = OPEN\t\r\nservice.website = https://pad.example.org/\r\n";
        String after = "# [File]\r\nfile.class = Service\r\nfile.datetime = '2026-11-30T18:05:09'\r\n"
                + "file.generator = chatonsinfos_ynh\r\n\r\n# [Service]\r\n# service.registration.load = OPEN\r\n"
                + "service.name = Pad du Chaton Vert  \r\nservice.registration = None\r\n"
                + "service.registration.load = FULL\t\r\nservice.website = https://pad.example.org/\r\n";
        ChatonsInfosFile.Rewrite rewrite = ChatonsInfosFile.rewrite(before.getBytes(StandardCharsets.UTF_8), "FULL", NOW);
        assertThat(rewrite.bytes()).isEqualTo(after.getBytes(StandardCharsets.UTF_8));
        assertThat(rewrite.before()).isEqualTo("OPEN");
        assertThat(rewrite.lines()).containsExactly("- file.datetime = '2025-05-12T08:00:00'",
                "+ file.datetime = '2026-11-30T18:05:09'", "- service.registration.load = OPEN\t",
                "+ service.registration.load = FULL\t");
    }

    @Test
    void utf8AndLatin1BytesElsewhereStayExactlyAsTheyWere() {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1}) {
            byte[] head = "service.name = Édition collaborative « Café »\n".getBytes(charset);
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] before = concat(bom, head, "service.registration.load=\"FULL\"\nfile.datetime:2025-01-01T00:00:00"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] expected = concat(bom, head, "service.registration.load=\"OPEN\"\nfile.datetime:2026-11-30T18:05:09"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(ChatonsInfosFile.rewrite(before, "OPEN", NOW).bytes()).as(charset.name()).isEqualTo(expected);
        }
    }

    @Test
    void oldMacLineEndsAndNoFinalNewlineAreKept() {
        byte[] before = "a = 1\rservice.registration.load : OPEN\rb = 2".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(ChatonsInfosFile.rewrite(before, "FULL", NOW).bytes(), StandardCharsets.US_ASCII))
                .isEqualTo("a = 1\rservice.registration.load : FULL\rb = 2");
    }

    @Test
    void nothingIsRewrittenWhenTheValueHoldsOrTheLineIsMissing() {
        byte[] open = "file.datetime = 2025-01-01T00:00:00\nservice.registration.load = open\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ChatonsInfosFile.rewrite(open, "OPEN", NOW).changes()).isFalse();
        assertThat(ChatonsInfosFile.load(open)).isEqualTo("open");
        byte[] none = "service.name = x\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ChatonsInfosFile.load(none)).isNull();
        assertThat(ChatonsInfosFile.rewrite(none, "FULL", NOW).changes()).isFalse();
    }

    /** The brokers' reader reads the key through its escape; the edit in place cannot, so it writes nothing. */
    @Test
    void aLineTheBrokersReadButTheEditCannotFollowIsLeftAlone() {
        byte[] escaped = "service\\.registration.load = OPEN\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ChatonsInfosFile.load(escaped)).isEqualTo("OPEN");
        assertThat(ChatonsInfosFile.rewrite(escaped, "FULL", NOW).changes()).isFalse();
    }

    @Test
    void aFileWithoutDatetimeGetsNone() {
        byte[] before = "service.registration.load = OPEN\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ChatonsInfosFile.rewrite(before, "FULL", NOW).bytes())
                .isEqualTo("service.registration.load = FULL\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writingGoesThroughATemporaryFileAndKeepsThePermissions() throws Exception {
        Path file = dir.resolve("pad.properties");
        Files.writeString(file, "service.registration.load = OPEN\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        ChatonsInfosFile.write(file, "service.registration.load = FULL\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("service.registration.load = FULL\n");
        // Another file renamed over it (a web server reading meanwhile has the old one or the new one, never half),
        // where writing in place would keep the same file (device and inode).
        assertThat(before).isNotNull();
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isNotEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
