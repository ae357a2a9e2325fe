package it.labimpact.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.labimpact.TestActors;
import it.labimpact.participant.AttendanceMark;
import it.labimpact.participant.Enrolments;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The indicator values of the API are kept while the data has not changed, with an ETag: the same question gets the
 * same answer (computed once) and 304 for its ETag; a class register saved, or an activity's co-delivering
 * organisations, change the answer and its ETag at once.
 * Data: seven participants of Milano present at one Italian course session on 7 April 2025.
 */
@SpringBootTest(properties = "labimpact.indicators.api-cache-seconds=600")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorValuesCacheTest {

    private static final String TITLE = "Corso cache indicatori";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Enrolments enrolments;

    private long activity;
    private long session;
    private final List<Long> enrolmentIds = new ArrayList<>();

    @BeforeAll
    void data() {
        clean();
        long lead = jdbc.sql("select lead_organisation_id from partnership_network where code = 'milano'")
                .query(Long.class).single();
        activity = jdbc.sql("""
                insert into activity_activity (network_code, type_code, title, comune_istat, start_date, end_date,
                    planned_hours) values ('milano', 'ITALIAN_L2', :t, '015146', '2025-04-01', '2025-06-30', 20)
                returning id""").param("t", TITLE).query(Long.class).single();
        session = jdbc.sql("""
                insert into activity_session (activity_id, session_date, hours) values (:a, '2025-04-07', 2)
                returning id""").param("a", activity).query(Long.class).single();
        for (int i = 0; i < 7; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into participant (id, person_id, network_code, organisation_id, registered_by,
                        first_contact_date, sex, birth_year, citizenship, residence_istat, consent_notice_version,
                        consent_at)
                    values (:id, :id, 'milano', :org, 'test', '2025-03-01', 'F', 1990, 'MA', '015146', 1, now())""")
                    .param("id", id).param("org", lead).update();
            long enrolment = jdbc.sql("""
                    insert into participant_enrolment (participant_id, activity_id, enrolled_on, created_by)
                    values (:p, :a, '2025-04-01', 'test') returning id""").param("p", id).param("a", activity)
                    .query(Long.class).single();
            enrolmentIds.add(enrolment);
            jdbc.sql("""
                    insert into participant_attendance (enrolment_id, session_id, present, hours, recorded_by)
                    values (:e, :s, true, 2, 'test')""").param("e", enrolment).param("s", session).update();
        }
    }

    @AfterAll
    void clean() {
        for (String table : List.of("participant_attendance", "participant_enrolment", "participant")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from activity_activity where title = :t").param("t", TITLE).update();
    }

    @Test
    void theSameQuestionIsAnsweredFromTheCacheWith304UntilARegisterIsSaved() throws Exception {
        MockHttpServletResponse first = send(values());
        assertThat(first.getStatus()).isEqualTo(200);
        String etag = first.getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.getHeader("Cache-Control")).contains("private").contains("no-cache");
        assertThat(first.getContentType()).startsWith("application/json");

        // computed once: the second answer is the same bytes (same computedAt), with the same ETag
        MockHttpServletResponse second = send(values());
        assertThat(second.getHeader("ETag")).isEqualTo(etag);
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());

        MockHttpServletResponse notModified = send(values().header("If-None-Match", etag));
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentAsByteArray()).isEmpty();
        assertThat(notModified.getHeader("ETag")).isEqualTo(etag);

        // the register of the session saved with one participant absent: another answer, another ETag
        TestActors.run(TestActors.operator("milano"), () -> {
            long version = jdbc.sql("""
                    select count(*) * 1000003 + coalesce(max((extract(epoch from recorded_at) * 1000000)::bigint), 0)
                    from participant_attendance where session_id = :s""").param("s", session).query(Long.class)
                    .single();
            List<AttendanceMark> marks = new ArrayList<>();
            for (int i = 0; i < enrolmentIds.size(); i++) {
                marks.add(new AttendanceMark(enrolmentIds.get(i), i != 0, i != 0 ? new BigDecimal("2") : null));
            }
            enrolments.recordSession(activity, session, version, marks);
        });
        MockHttpServletResponse changed = send(values().header("If-None-Match", etag));
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(changed.getContentAsString()).isNotEqualTo(first.getContentAsString());

        // one indicator's values: cached apart, with their own ETag
        MockHttpServletResponse one = send(get("/api/v1/indicators/AMIF-O3.1/values").param("period", "2025-Q2"));
        assertThat(one.getStatus()).isEqualTo(200);
        assertThat(one.getHeader("ETag")).isNotEqualTo(changed.getHeader("ETag"));
        assertThat(send(get("/api/v1/indicators/AMIF-O3.1/values").param("period", "2025-Q2")
                .header("If-None-Match", one.getHeader("ETag"))).getStatus()).isEqualTo(304);
    }

    @Test
    void aChangeToTheThingsFactsChangesTheAnswerAtOnce() throws Exception {
        MockHttpServletResponse first = send(get("/api/v1/indicators/P1-COOP-TIES/values").param("period", "2025-Q2")
                .param("network", "milano"));
        assertThat(first.getStatus()).isEqualTo(200);
        String etag = first.getHeader("ETag");
        assertThat(send(get("/api/v1/indicators/P1-COOP-TIES/values").param("period", "2025-Q2")
                .param("network", "milano").header("If-None-Match", etag)).getStatus()).isEqualTo(304);
        // a second organisation co-delivers the course (written in SQL: the activity module's trigger notes it)
        long partner = jdbc.sql("select id from partnership_organisation where name = 'Fondazione ISMU'")
                .query(Long.class).single();
        jdbc.sql("insert into activity_organisation (activity_id, organisation_id) values (:a, :o)")
                .param("a", activity).param("o", partner).update();
        jdbc.sql("insert into activity_organisation (activity_id, organisation_id, lead) select :a, lead_organisation_id,"
                + " true from partnership_network where code = 'milano' on conflict do nothing").param("a", activity)
                .update();
        MockHttpServletResponse changed = send(get("/api/v1/indicators/P1-COOP-TIES/values").param("period", "2025-Q2")
                .param("network", "milano").header("If-None-Match", etag));
        assertThat(changed.getStatus()).as("within api-cache-seconds, 600 here").isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(changed.getContentAsString()).isNotEqualTo(first.getContentAsString());
    }

    @Test
    void aClientAcceptingGzipGetsTheSameAnswerCompressedWithItsOwnETag() throws Exception {
        MockHttpServletResponse plain = send(values().param("by", "SEX"));
        MockHttpServletResponse gzip = send(values().param("by", "SEX").header("Accept-Encoding", "gzip, deflate, br"));
        assertThat(gzip.getStatus()).isEqualTo(200);
        assertThat(gzip.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.getHeaders("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                gzip.getContentAsByteArray()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(plain.getContentAsString());
        }
        assertThat(gzip.getHeader("ETag")).isNotEqualTo(plain.getHeader("ETag"));
        assertThat(send(values().param("by", "SEX").header("Accept-Encoding", "gzip")
                .header("If-None-Match", gzip.getHeader("ETag"))).getStatus()).isEqualTo(304);
        assertThat(send(values().param("by", "SEX").header("Accept-Encoding", "gzip;q=0")).getHeader(
                "Content-Encoding")).isNull();
    }

    @Test
    void aNetworkTheUserMayNotReadIsRefusedEvenWhenItsAnswerIsKept() throws Exception {
        MockHttpServletResponse asCoordinator = send(values().param("network", "milano"));
        assertThat(asCoordinator.getStatus()).isEqualTo(200);
        MockHttpServletResponse other = mvc.perform(values().param("network", "milano")
                .with(TestActors.as(TestActors.operator("cremasca")))).andReturn().getResponse();
        assertThat(other.getStatus()).isEqualTo(404);
    }

    private static MockHttpServletRequestBuilder values() {
        return get("/api/v1/indicators/values").param("period", "2025-Q2");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestActors.as(TestActors.coordinator()))).andReturn().getResponse();
    }
}
