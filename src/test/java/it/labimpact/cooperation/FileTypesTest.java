package it.labimpact.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The type of an attached file comes from its bytes: the accepted formats are recognised, anything else is not. */
class FileTypesTest {

    @Test
    void recognisesPdfAndImagesByTheirSignatures() {
        assertThat(FileTypes.detect(ascii("%PDF-1.4\n..."))).contains("application/pdf");
        assertThat(FileTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}))
                .contains("image/png");
        assertThat(FileTypes.detect(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}))
                .contains("image/jpeg");
        assertThat(FileTypes.detect(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains("image/webp");
    }

    @Test
    void tellsADocxFromAnOdtFromAnyOtherArchive() throws IOException {
        byte[] docx = zip(false, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
        byte[] odt = zip(true, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office/>");
        byte[] ods = zip(true, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<o/>");
        byte[] xlsx = zip(false, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");

        assertThat(FileTypes.detect(docx)).contains(FileTypes.DOCX);
        assertThat(FileTypes.detect(odt)).contains(FileTypes.ODT);
        assertThat(FileTypes.detect(ods)).isEmpty();
        assertThat(FileTypes.detect(xlsx)).isEmpty();
    }

    @Test
    void refusesMarkupScriptsExecutablesAndTruncatedArchives() {
        assertThat(FileTypes.detect(ascii("<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"))).isEmpty();
        assertThat(FileTypes.detect(ascii("<!DOCTYPE html><html></html>"))).isEmpty();
        assertThat(FileTypes.detect(ascii("MZ\u0090\0\3\0\0\0"))).isEmpty();
        assertThat(FileTypes.detect(new byte[] {'P', 'K', 3, 4, 20, 0})).isEmpty();
        assertThat(FileTypes.detect(new byte[0])).isEmpty();
    }

    @Test
    void keepsOnlyTheFileNameWithoutFoldersOrControlCharacters() {
        assertThat(MeetingRegistry.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(MeetingRegistry.cleanName("C:\\verbali\\marzo.pdf")).isEqualTo("marzo.pdf");
        assertThat(MeetingRegistry.cleanName("a\r\nb\".pdf")).isEqualTo("ab.pdf");
        assertThat(MeetingRegistry.cleanName("  ")).isEqualTo("file");
        assertThat(MeetingRegistry.cleanName("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A ZIP archive of (name, content) pairs; the first entry stored uncompressed when {@code storedFirst}. */
    private static byte[] zip(boolean storedFirst, String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                byte[] content = entries[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(entries[i]);
                if (storedFirst && i == 0) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCompressedSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
