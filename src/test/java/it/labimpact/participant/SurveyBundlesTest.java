package it.labimpact.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The participants' survey speaks five languages with the same keys, none left empty or in Italian by mistake. */
class SurveyBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "es", "ar"})
    void everyLanguageHasEveryKey(String lang) throws IOException {
        Properties italian = load("it");
        Properties other = load(lang);
        assertThat(other.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(italian.stringPropertyNames());
        assertThat(other.stringPropertyNames()).allSatisfy(k -> assertThat(other.getProperty(k)).isNotBlank());
        assertThat(other.getProperty("survey.q.helpful")).isNotEqualTo(italian.getProperty("survey.q.helpful"));
        assertThat(Surveys.LANGUAGES).contains(lang);
    }

    private static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(
                Path.of("src/main/resources/messages/survey_" + lang + ".properties")), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
