package it.labimpact.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.directory.PublicLanguage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The public interface is complete in each of its twelve languages: same keys as Italian, none empty. */
class PublicBundlesTest {

    @Test
    void everyOfferedLanguageHasEveryKey() throws IOException {
        Properties italian = load("it");
        assertThat(italian.stringPropertyNames()).hasSizeGreaterThan(60);
        for (PublicLanguage l : PublicLanguage.values()) {
            Properties p = load(l.tag());
            assertThat(p.stringPropertyNames()).as(l.tag())
                    .containsExactlyInAnyOrderElementsOf(italian.stringPropertyNames());
            assertThat(p.stringPropertyNames()).as(l.tag()).allSatisfy(k -> assertThat(p.getProperty(k)).isNotBlank());
            for (String k : italian.stringPropertyNames()) {
                assertThat(argumentCount(p.getProperty(k))).as(l.tag() + " " + k)
                        .isEqualTo(argumentCount(italian.getProperty(k)));
            }
        }
    }

    private static long argumentCount(String message) {
        return message.chars().filter(c -> c == '{').count();
    }

    private static Properties load(String tag) throws IOException {
        Path file = Path.of("src/main/resources/messages/public_" + tag.replace('-', '_') + ".properties");
        Properties props = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return props;
    }
}
