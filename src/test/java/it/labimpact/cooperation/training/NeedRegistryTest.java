package it.labimpact.cooperation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.cooperation.NeedBoard;
import it.labimpact.cooperation.NeedData;
import it.labimpact.cooperation.NeedQuarter;
import it.labimpact.cooperation.NeedQuery;
import it.labimpact.cooperation.NeedRaiserKind;
import it.labimpact.cooperation.NeedRegistry;
import it.labimpact.cooperation.NeedStatus;
import it.labimpact.cooperation.NeedStatusUpdate;
import it.labimpact.cooperation.NeedTheme;
import it.labimpact.cooperation.NeedView;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Needs on the embedded database: recording, the network's response and its history, scope, the board. */
@SpringBootTest
class NeedRegistryTest {

    @Autowired
    NeedRegistry needs;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        TrainingFixtures.clean(jdbc);
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        TrainingFixtures.clean(jdbc);
    }

    @Test
    void theNetworkRespondsAndEveryChangeIsDatedAndAudited() {
        long audit = TrainingFixtures.lastAuditId(jdbc);
        long id = TestActors.call(TestActors.operator("milano"),
                () -> needs.record(need("milano", NeedTheme.HOUSING, "2026-09-01")));
        TestActors.actAs(TestActors.operator("milano"));
        NeedView created = needs.need(id);
        assertThat(created.status()).isEqualTo(NeedStatus.NEW);
        assertThat(created.createdBy()).isEqualTo("test.operator.milano");
        assertThat(created.comuneName()).isEqualTo("Milano");
        assertThat(created.history()).extracting(NeedView.Change::status).containsExactly(NeedStatus.NEW);
        // an operator records, the lead responds
        assertThatThrownBy(() -> needs.changeStatus(id, new NeedStatusUpdate(NeedStatus.UNDER_REVIEW, null, 0)))
                .isInstanceOf(AccessDeniedException.class);
        TestActors.clear();

        TestActors.actAs(TestActors.lead("milano"));
        needs.changeStatus(id, new NeedStatusUpdate(NeedStatus.UNDER_REVIEW, null, 0));
        // "answered" needs a response
        assertThatThrownBy(() -> needs.changeStatus(id, new NeedStatusUpdate(NeedStatus.ANSWERED, "  ", 1)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("need.response.required"));
        // a stale version is refused
        assertThatThrownBy(() -> needs.changeStatus(id, new NeedStatusUpdate(NeedStatus.TAKEN_UP, null, 0)))
                .isInstanceOf(ConcurrentEditException.class);
        needs.changeStatus(id, new NeedStatusUpdate(NeedStatus.ANSWERED, "Sportello casa aperto il giovedì.", 1));
        // the same status and response again is not a change
        assertThatThrownBy(() -> needs.changeStatus(id, new NeedStatusUpdate(NeedStatus.ANSWERED,
                "Sportello casa aperto il giovedì.", 2)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("need.status.unchanged"));

        NeedView answered = needs.need(id);
        assertThat(answered.status()).isEqualTo(NeedStatus.ANSWERED);
        assertThat(answered.response()).isEqualTo("Sportello casa aperto il giovedì.");
        assertThat(answered.version()).isEqualTo(2);
        assertThat(answered.history()).extracting(NeedView.Change::status)
                .containsExactly(NeedStatus.NEW, NeedStatus.UNDER_REVIEW, NeedStatus.ANSWERED);
        assertThat(answered.history()).extracting(NeedView.Change::changedBy)
                .containsExactly("test.operator.milano", "test.lead.milano", "test.lead.milano");
        assertThat(answered.history()).allSatisfy(h -> assertThat(h.changedAt()).isNotNull());
        List<String> actions = jdbc.sql("select action from audit_event where id > :id and record_type = 'cooperation_need' order by id")
                .param("id", audit).query(String.class).list();
        assertThat(actions).containsExactly("need.create", "need.status", "need.status");
    }

    @Test
    void aNetworkNeitherSeesNorAnswersAnotherNetworksNeeds() {
        long milano = TestActors.call(TestActors.operator("milano"),
                () -> needs.record(need("milano", NeedTheme.WORK, "2026-09-01")));
        TestActors.call(TestActors.operator("cremasca"),
                () -> needs.record(need("cremasca", NeedTheme.WORK, "2026-09-01")));

        TestActors.actAs(TestActors.lead("cremasca"));
        assertThatThrownBy(() -> needs.need(milano)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> needs.changeStatus(milano, new NeedStatusUpdate(NeedStatus.TAKEN_UP, null, 0)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(needs.needs(new NeedQuery(null, null, null, null, null), new PageRequest(0, 50)).items())
                .extracting(NeedView::networkCode).containsExactly("cremasca");
        assertThat(needs.needs(new NeedQuery("milano", null, null, null, null), new PageRequest(0, 50)).total())
                .isZero();
        // nor records needs for it
        assertThatThrownBy(() -> needs.record(need("milano", NeedTheme.WORK, "2026-09-01")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("need.network.foreign"));
        // the board is for governance and coordination
        assertThatThrownBy(() -> needs.board(new NeedQuarter(2026, 3), null, null))
                .isInstanceOf(AccessDeniedException.class);
        TestActors.clear();

        TestActors.actAs(TestActors.coordinator());
        assertThat(needs.needs(new NeedQuery(null, NeedTheme.WORK, null, null, null), new PageRequest(0, 50)).total())
                .isEqualTo(2);
    }

    @Test
    void aNeedSaysWhoRaisedItAndWhenNotInTheFuture() {
        TestActors.actAs(TestActors.operator("milano"));
        NeedData nobody = new NeedData("milano", NeedTheme.HEALTH, null, null, null, LocalDate.of(2026, 9, 1),
                "Mancano mediatori negli ambulatori.", null, null);
        assertThatThrownBy(() -> needs.record(nobody)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.field()).isEqualTo("raisedByKind"));
        NeedData tomorrow = new NeedData("milano", NeedTheme.HEALTH, null, null, NeedRaiserKind.SCHOOL,
                LocalDate.now().plusDays(1), "Mancano mediatori negli ambulatori.", null, null);
        assertThatThrownBy(() -> needs.record(tomorrow)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.field()).isEqualTo("raisedOn"));
        NeedData nowhere = new NeedData("milano", NeedTheme.HEALTH, "999999", null, NeedRaiserKind.SCHOOL,
                LocalDate.of(2026, 9, 1), "Mancano mediatori negli ambulatori.", null, null);
        assertThatThrownBy(() -> needs.record(nowhere)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.field()).isEqualTo("comuneIstat"));
    }

    @Test
    void theBoardCountsByThemeNetworkAndQuarterAndShowsWhatIsRising() {
        TestActors.actAs(TestActors.coordinator());
        // Milano, housing: one in Q2 2026, two in Q3 2026, one in Q4 2026 (after the board's quarter: not counted)
        needs.record(need("milano", NeedTheme.HOUSING, "2026-05-10"));
        long answered = needs.record(need("milano", NeedTheme.HOUSING, "2026-07-15"));
        needs.record(need("milano", NeedTheme.HOUSING, "2026-09-30"));
        needs.record(need("milano", NeedTheme.HOUSING, "2026-10-01"));
        // Milano, work: two in Q2, none in Q3
        needs.record(need("milano", NeedTheme.WORK, "2026-04-01"));
        needs.record(need("milano", NeedTheme.WORK, "2026-06-30"));
        // Cremasca, housing: one in Q3; language: one in Q4 2025, one in Q1 2026, one in Q3 2025 (too early)
        needs.record(need("cremasca", NeedTheme.HOUSING, "2026-08-01"));
        needs.record(need("cremasca", NeedTheme.LANGUAGE, "2025-12-31"));
        needs.record(need("cremasca", NeedTheme.LANGUAGE, "2026-01-01"));
        needs.record(need("cremasca", NeedTheme.LANGUAGE, "2025-09-30"));
        needs.changeStatus(answered, new NeedStatusUpdate(NeedStatus.ANSWERED, "Risposto.", 0));
        TestActors.clear();

        TestActors.actAs(TrainingRegistryTest.GOVERNANCE);
        NeedBoard board = needs.board(new NeedQuarter(2026, 3), null, null);
        assertThat(board.quarters()).extracting(NeedQuarter::code)
                .containsExactly("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");
        // by network in Q3 against Q2: Milano housing 2 (1 before: rising by 1), work 0 (2 before: falling by 2),
        // total 2; Cremasca housing 1 (0 before), total 1; every other network 0
        NeedBoard.NetworkRow milano = row(board, "milano");
        assertThat(cell(milano, NeedTheme.HOUSING)).isEqualTo(new NeedBoard.Cell(NeedTheme.HOUSING, 2, 1));
        assertThat(cell(milano, NeedTheme.HOUSING).change()).isEqualTo(1);
        assertThat(cell(milano, NeedTheme.WORK).change()).isEqualTo(-2);
        assertThat(milano.total()).isEqualTo(2);
        assertThat(cell(row(board, "cremasca"), NeedTheme.HOUSING)).isEqualTo(new NeedBoard.Cell(NeedTheme.HOUSING, 1, 0));
        assertThat(row(board, "cremasca").total()).isEqualTo(1);
        assertThat(board.byNetwork()).hasSize(13);
        assertThat(board.byNetwork()).filteredOn(r -> !List.of("milano", "cremasca").contains(r.networkCode()))
                .allSatisfy(r -> assertThat(r.total()).isZero());
        // by quarter, whole project: housing 0, 0, 1, 3 (Q3: Milano 2 + Cremasca 1), rising by 2;
        // work 0, 0, 2, 0; language 1, 1, 0, 0 (Q3 2025 and Q4 2026 outside)
        assertThat(theme(board, NeedTheme.HOUSING).counts()).containsExactly(0L, 0L, 1L, 3L);
        assertThat(theme(board, NeedTheme.HOUSING).trend().change()).isEqualTo(2);
        assertThat(theme(board, NeedTheme.WORK).counts()).containsExactly(0L, 0L, 2L, 0L);
        assertThat(theme(board, NeedTheme.LANGUAGE).counts()).containsExactly(1L, 1L, 0L, 0L);
        assertThat(theme(board, NeedTheme.HEALTH).counts()).containsExactly(0L, 0L, 0L, 0L);

        // one network: Cremasca's row only; housing 0, 0, 0, 1
        NeedBoard cremasca = needs.board(new NeedQuarter(2026, 3), "cremasca", null);
        assertThat(cremasca.byNetwork()).extracting(NeedBoard.NetworkRow::networkCode).containsExactly("cremasca");
        assertThat(theme(cremasca, NeedTheme.HOUSING).counts()).containsExactly(0L, 0L, 0L, 1L);
        // one status: the answered Milano housing need of Q3 only
        NeedBoard onlyAnswered = needs.board(new NeedQuarter(2026, 3), null, NeedStatus.ANSWERED);
        assertThat(theme(onlyAnswered, NeedTheme.HOUSING).counts()).containsExactly(0L, 0L, 0L, 1L);
        assertThat(row(onlyAnswered, "milano").total()).isEqualTo(1);

        // the list behind a count gives the same number: Milano, housing, Q3
        assertThat(needs.needs(new NeedQuery("milano", NeedTheme.HOUSING, null, LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 9, 30)), new PageRequest(0, 50)).total()).isEqualTo(2);
    }

    static NeedData need(String network, NeedTheme theme, String raisedOn) {
        return new NeedData(network, theme, "015146", null, NeedRaiserKind.MIGRANT_ASSOCIATION,
                LocalDate.parse(raisedOn), "Servono informazioni in arabo sugli alloggi.", "Tre richieste allo sportello.",
                "https://example.org/verbale.pdf");
    }

    private static NeedBoard.NetworkRow row(NeedBoard board, String code) {
        return board.byNetwork().stream().filter(r -> r.networkCode().equals(code)).findFirst().orElseThrow();
    }

    private static NeedBoard.Cell cell(NeedBoard.NetworkRow row, NeedTheme theme) {
        return row.cells().stream().filter(c -> c.theme() == theme).findFirst().orElseThrow();
    }

    private static NeedBoard.ThemeRow theme(NeedBoard board, NeedTheme theme) {
        return board.byQuarter().stream().filter(r -> r.theme() == theme).findFirst().orElseThrow();
    }
}
