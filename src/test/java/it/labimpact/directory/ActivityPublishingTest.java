package it.labimpact.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.SessionData;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A registry activity published as a draft event with one action: its texts, place, dates, languages and
 * categories carried over, the same entry when asked again, staff-only, ended and other networks' activities refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActivityPublishingTest {

    @Autowired MockMvc mvc;

    @Autowired ActivityPublishing publishing;
    @Autowired DirectoryEditorial editorial;
    @Autowired ActivityManagement management;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        DirectoryFixtures.clean(jdbc);
    }

    @Test
    void anActivityBecomesADraftEventOnceWithItsTextsPlaceAndDates() {
        LocalDate first = LocalDate.now().plusDays(7);
        long course = activity("Corso di italiano A2 serale", "ITALIAN_L2", first, first.plusDays(50),
                "Adulti con un livello A1", "Due sere a settimana, materiali gratuiti.");
        TestActors.run(TestActors.coordinator(), () -> {
            management.addSession(course, new SessionData(first, LocalTime.of(18, 30), LocalTime.of(20, 30), null,
                    null, null));
            management.addSession(course, new SessionData(first.plusDays(49), LocalTime.of(18, 30),
                    LocalTime.of(20, 30), null, null, null));
        });

        TestActors.actAs(TestActors.lead("milano"));
        assertThat(publishing.candidates()).anySatisfy(a -> assertThat(a.id()).isEqualTo(course));
        UUID id = publishing.draft(course);
        EntryView entry = editorial.entry(id);
        assertThat(entry.kind()).isEqualTo(EntryKind.EVENT);
        assertThat(entry.status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(entry.networkCode()).isEqualTo("milano");
        assertThat(entry.categories()).containsExactly(DirectoryCategory.ITALIAN_LANGUAGE);
        assertThat(entry.startsAt()).isEqualTo(first.atTime(18, 30).atZone(DirectoryEditorial.ZONE).toInstant());
        assertThat(entry.endsAt()).isEqualTo(first.plusDays(49).atTime(20, 30).atZone(DirectoryEditorial.ZONE)
                .toInstant());
        assertThat(entry.texts().get(TextField.NAME).value()).isEqualTo("Corso di italiano A2 serale");
        assertThat(entry.texts().get(TextField.AUDIENCE).value()).isEqualTo("Adulti con un livello A1");
        assertThat(entry.locations()).singleElement().satisfies(p -> {
            assertThat(p.comuneIstat()).isEqualTo("015146");
            assertThat(p.address()).isEqualTo("Via Padova 36");
        });

        // asked again (by anybody of the network): the same entry, no second one
        assertThat(publishing.draft(course)).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from directory_entry where activity_id = :a").param("a", course)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'directory.fromActivity'"
                + " and record_id = :id").param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void staffOnlyEndedAndOtherNetworksActivitiesAreRefused() {
        LocalDate today = LocalDate.now();
        long meeting = activity("Tavolo di rete di novembre", "NETWORK_MEETING", today.plusDays(3), today.plusDays(3),
                null, null);
        long ended = activity("Corso concluso", "ITALIAN_L2", today.minusDays(60), today.minusDays(1), null, null);
        long course = activity("Corso di cucito", "COMMUNITY_EVENT", today.plusDays(1), today.plusDays(30), null,
                null);

        TestActors.actAs(TestActors.lead("milano"));
        assertThat(publishing.candidates()).noneSatisfy(a -> assertThat(a.id()).isIn(meeting, ended));
        assertThatThrownBy(() -> publishing.draft(meeting)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("directory.activity.staff"));
        assertThatThrownBy(() -> publishing.draft(ended)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("directory.activity.over"));

        // another network's staff: the activity does not exist for them, by its id too
        TestActors.actAs(TestActors.lead("ghedi"));
        assertThatThrownBy(() -> publishing.draft(course)).isInstanceOf(RecordNotFoundException.class);
        assertThat(publishing.candidates()).noneSatisfy(a -> assertThat(a.id()).isEqualTo(course));
        assertThat(jdbc.sql("select count(*) from directory_entry").query(Long.class).single()).isZero();
    }

    @Test
    void theEditorsPageOffersTheNetworksActivitiesAndOneClickDraftsTheEvent() throws Exception {
        LocalDate start = LocalDate.now().plusDays(5);
        long course = activity("Laboratorio di cittadinanza", "CIVIC_ORIENTATION", start, start.plusDays(20), null,
                null);
        String page = mvc.perform(get("/directory").locale(Locale.ITALIAN)
                .with(TestActors.as(TestActors.operator("milano")))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"from-activity\"").contains("Laboratorio di cittadinanza");

        String location = mvc.perform(post("/directory/from-activity").param("activityId", String.valueOf(course))
                .with(csrf()).with(TestActors.as(TestActors.lead("milano")))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID id = jdbc.sql("select id from directory_entry where activity_id = :a").param("a", course)
                .query(UUID.class).single();
        assertThat(location).isEqualTo("/directory/" + id);
        // another network's lead posting the same id: not found, nothing drafted for them
        mvc.perform(post("/directory/from-activity").param("activityId", String.valueOf(course)).with(csrf())
                .with(TestActors.as(TestActors.lead("ghedi")))).andExpect(status().isNotFound());
    }

    private long activity(String title, String type, LocalDate start, LocalDate end, String audience,
            String description) {
        long lead = DirectoryFixtures.leadOrganisation(jdbc, "milano");
        return TestActors.call(TestActors.coordinator(), () -> management.create(new ActivityData(title, type,
                "milano", lead, List.of(), "015146", "Via Padova 36", start, end, new BigDecimal("20"),
                List.of("it", "ar"), null, audience, description,
                start.isAfter(LocalDate.now()) ? ActivityStatus.PLANNED : ActivityStatus.ONGOING, null)));
    }
}
