package it.labimpact.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail is append-only in the database itself, and searchable by person, action and dates. */
@SpringBootTest
class AuditTrailTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clearActor() {
        TestActors.clear();
    }

    @Test
    void updatesAreRefused() {
        audit.recordAs("append.update", "test.written", "test_record", 1, Map.of("k", "v"));
        List<Map<String, Object>> before = rowsOf("append.update");

        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'test.rewritten' where actor = :a")
                .param("a", "append.update").update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone.else'").update())
                .isInstanceOf(DataAccessException.class);

        assertThat(rowsOf("append.update")).hasSize(1).isEqualTo(before);
    }

    @Test
    void deletesAreRefused() {
        audit.recordAs("append.delete", "test.written", "test_record", 2, Map.of());

        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where actor = :a").param("a", "append.delete")
                .update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class);

        assertThat(rowsOf("append.delete")).hasSize(1);
    }

    @Test
    void truncateIsRefused() {
        audit.recordAs("append.truncate", "test.written", "test_record", 3, Map.of());
        long before = count();

        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).isInstanceOf(DataAccessException.class);

        assertThat(count()).isEqualTo(before).isPositive();
    }

    @Test
    void recordsTheCurrentActor() {
        TestActors.actAs(TestActors.coordinator());
        audit.record("test.by.actor", "test_record", 42, Map.of("field", "value"));
        TestActors.clear();

        PageResponse<AuditEntry> found = audit.search(new AuditQuery("test.coordinator", "test.by.actor", null,
                null, null, null), new PageRequest(0, 10));

        assertThat(found.items()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("test.coordinator");
            assertThat(e.recordType()).isEqualTo("test_record");
            assertThat(e.recordId()).isEqualTo("42");
            assertThat(e.details()).contains("\"field\"", "\"value\"");
        });
    }

    @Test
    void searchFiltersByActor() {
        audit.recordAs("search.alice", "test.search.actor", "test_record", 1, Map.of());
        audit.recordAs("search.alice", "test.search.actor", "test_record", 2, Map.of());
        audit.recordAs("search.bob", "test.search.actor", "test_record", 3, Map.of());

        PageResponse<AuditEntry> alice = search(new AuditQuery("Search.Alice ", null, null, null, null, null));

        assertThat(alice.total()).isEqualTo(2);
        assertThat(alice.items()).extracting(AuditEntry::actor).containsOnly("search.alice");
        assertThat(alice.items()).extracting(AuditEntry::recordId).as("newest first").containsExactly("2", "1");
    }

    @Test
    void searchFiltersByActionPrefix() {
        audit.recordAs("search.carla", "test.member.add", "test_record", 1, Map.of());
        audit.recordAs("search.carla", "test.member.remove", "test_record", 2, Map.of());
        audit.recordAs("search.carla", "test.organisation.create", "test_record", 3, Map.of());

        PageResponse<AuditEntry> members = search(new AuditQuery("search.carla", "test.member", null, null, null,
                null));
        PageResponse<AuditEntry> exact = search(new AuditQuery("search.carla", "test.organisation.create", null,
                null, null, null));

        assertThat(members.items()).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("test.member.add", "test.member.remove");
        assertThat(exact.items()).extracting(AuditEntry::recordId).containsExactly("3");
    }

    @Test
    void searchFiltersByRecord() {
        audit.recordAs("search.dario", "test.record", "test_network", "milano", Map.of());
        audit.recordAs("search.dario", "test.record", "test_network", "cremasca", Map.of());

        PageResponse<AuditEntry> found = search(new AuditQuery("search.dario", null, "test_network", "cremasca",
                null, null));

        assertThat(found.items()).extracting(AuditEntry::recordId).containsExactly("cremasca");
    }

    @Test
    void searchFiltersByDateInItalianTime() {
        insertAt("search.elena", "test.dated", LocalDateTime.of(2021, 3, 10, 12, 0));
        insertAt("search.elena", "test.dated", LocalDateTime.of(2021, 3, 11, 0, 15));
        insertAt("search.elena", "test.dated", LocalDateTime.of(2021, 3, 11, 23, 45));
        // 00:30 in Rome on the 12th is still the 11th in UTC: it must not count as the 11th
        insertAt("search.elena", "test.dated", LocalDateTime.of(2021, 3, 12, 0, 30));
        insertAt("search.elena", "test.dated", LocalDateTime.of(2021, 3, 15, 9, 0));

        PageResponse<AuditEntry> the11th = search(new AuditQuery("search.elena", null, null, null,
                LocalDate.of(2021, 3, 11), LocalDate.of(2021, 3, 11)));
        PageResponse<AuditEntry> from12th = search(new AuditQuery("search.elena", null, null, null,
                LocalDate.of(2021, 3, 12), null));
        PageResponse<AuditEntry> until10th = search(new AuditQuery("search.elena", null, null, null, null,
                LocalDate.of(2021, 3, 10)));

        assertThat(the11th.items()).extracting(e -> e.at().atZone(ROME).toLocalDateTime())
                .containsExactlyInAnyOrder(LocalDateTime.of(2021, 3, 11, 0, 15), LocalDateTime.of(2021, 3, 11, 23, 45));
        assertThat(from12th.total()).isEqualTo(2);
        assertThat(until10th.items()).extracting(e -> e.at().atZone(ROME).toLocalDateTime())
                .containsExactly(LocalDateTime.of(2021, 3, 10, 12, 0));
    }

    @Test
    void searchPagesTheResults() {
        for (int i = 1; i <= 5; i++) {
            audit.recordAs("search.fabio", "test.paged", "test_record", i, Map.of());
        }

        PageResponse<AuditEntry> second = audit.search(new AuditQuery("search.fabio", null, null, null, null, null),
                new PageRequest(1, 2));

        assertThat(second.total()).isEqualTo(5);
        assertThat(second.items()).extracting(AuditEntry::recordId).containsExactly("3", "2");
    }

    private PageResponse<AuditEntry> search(AuditQuery query) {
        return audit.search(query, new PageRequest(0, 100));
    }

    private void insertAt(String actor, String action, LocalDateTime romeTime) {
        OffsetDateTime at = romeTime.atZone(ROME).toOffsetDateTime();
        jdbc.sql("insert into audit_event (at, actor, action) values (:at, :actor, :action)")
                .param("at", at).param("actor", actor).param("action", action).update();
    }

    private List<Map<String, Object>> rowsOf(String actor) {
        return jdbc.sql("select * from audit_event where actor = :a order by id").param("a", actor).query()
                .listOfRows();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
