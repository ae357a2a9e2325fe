package it.labimpact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Italian and English bundles hold the same keys, and every key a template uses exists. */
class MessageBundlesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void italianAndEnglishHaveTheSameKeys() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path it : files.filter(p -> p.toString().endsWith("_it.properties")).toList()) {
                Path en = Path.of(it.toString().replace("_it.properties", "_en.properties"));
                assertThat(load(en).stringPropertyNames()).as(en.toString())
                        .containsExactlyInAnyOrderElementsOf(load(it).stringPropertyNames());
            }
        }
    }

    @Test
    void everyLiteralKeyInTheTemplatesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path p : files.filter(f -> f.toString().endsWith("_it.properties")).toList()) {
                known.addAll(load(p).stringPropertyNames());
            }
        }
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path t : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(t));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(t.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(known).hasSizeGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    /**
     * Spring formats a message with MessageFormat only when it has arguments: there an apostrophe must be
     * doubled, elsewhere it must not be (or the page shows it twice).
     */
    @Test
    void apostrophesAreDoubledExactlyInMessagesWithArguments() throws IOException {
        Set<String> wrong = new TreeSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties props = load(p);
                for (String key : props.stringPropertyNames()) {
                    String v = props.getProperty(key);
                    boolean arguments = v.matches("(?s).*\\{\\d.*");
                    boolean lone = v.replace("''", "").contains("'");
                    if (arguments ? lone : v.contains("''")) {
                        wrong.add(p.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }
}
