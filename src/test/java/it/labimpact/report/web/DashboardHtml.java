package it.labimpact.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.labimpact.TestActors;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.Sex;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Reading the dashboard's HTML in tests: a page in Italian, a table row, its value cells; a typical person. */
final class DashboardHtml {

    private DashboardHtml() {
    }

    /** The page, fully rendered (no missing message), in Italian, as {@code actor}. */
    static String page(MockMvc mvc, String url, Actor actor) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).locale(Locale.ITALIAN).with(TestActors.as(actor)))
                .andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        String body = r.getContentAsString();
        assertThat(body).as(url).contains("</html>").doesNotContain("??");
        return body;
    }

    /** The table row whose opening tag carries {@code attribute}. */
    static String row(String page, String attribute) {
        int start = page.indexOf(attribute);
        assertThat(start).as(attribute).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** The texts of a row's value cells, tags and blanks removed. */
    static List<String> cells(String row) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"num\">(.*?)</td>", Pattern.DOTALL).matcher(row);
        while (m.find()) {
            values.add(m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip().split(" ")[0]);
        }
        return values;
    }

    /** A participant born in 1990, first met on 1 March 2025. */
    static ParticipantData person(String name, Sex sex, String country, String comune) {
        return new ParticipantData("Zanardelli", name, sex, LocalDate.parse("1990-05-01"), country, country, null,
                comune, LocalDate.parse("2025-03-01"), null, null, List.of(), null, null);
    }
}
