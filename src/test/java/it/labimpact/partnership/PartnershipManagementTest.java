package it.labimpact.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import it.labimpact.TestActors;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** Changes to the partnership: coverage rules, who may change which network, optimistic locking, audit. */
@SpringBootTest
class PartnershipManagementTest {

    static final String CREMA = "019035";
    static final String MILANO = "015146";
    static final String GHEDI = "017078";

    @Autowired
    PartnershipManagement management;

    @Autowired
    Partnership partnership;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    private long auditBefore;

    @BeforeEach
    void startFromTheSeededPartnership() {
        PartnershipFixtures.reset(jdbc);
        auditBefore = PartnershipFixtures.lastAuditId(jdbc);
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        PartnershipFixtures.reset(jdbc);
    }

    // --- coverage ---

    @Test
    void aCoordinatorCoversComuniForANetwork() {
        TestActors.actAs(TestActors.coordinator());

        int added = management.cover("cremasca", List.of(CREMA, "19036"), "SCREEN");

        assertThat(added).isEqualTo(2);
        assertThat(partnership.comuniCoveredBy("cremasca")).containsExactly(CREMA, "019036");
        assertThat(partnership.coveringNetworks(List.of(CREMA, "019036", MILANO)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(CREMA, "cremasca", "019036", "cremasca"));
        NetworkSummary cremasca = partnership.networks().stream().filter(n -> n.code().equals("cremasca"))
                .findFirst().orElseThrow();
        assertThat(cremasca.comuni()).isEqualTo(2);
        assertThat(cremasca.population()).isPositive();
    }

    @Test
    void aComuneBelongsToAtMostOneNetwork() {
        TestActors.actAs(TestActors.coordinator());
        management.cover("cremasca", List.of(CREMA), "SCREEN");
        long auditAfterFirst = PartnershipFixtures.lastAuditId(jdbc);

        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> management.cover("milano", List.of(MILANO, CREMA), "SCREEN"));

        assertThat(e).isNotNull();
        assertThat(e.messageKey()).isEqualTo("coverage.conflict");
        assertThat(e.field()).isEqualTo("comuni");
        assertThat(e.args()).containsExactly("Crema (cremasca)");
        assertThat(partnership.comuniCoveredBy("milano")).as("nothing written for milano").isEmpty();
        assertThat(partnership.comuniCoveredBy("cremasca")).containsExactly(CREMA);
        assertThat(PartnershipFixtures.auditSince(jdbc, auditAfterFirst)).isEmpty();
    }

    @Test
    void twoNetworksCoveringTheSameComuneAtTheSameTimeGetTheRuleViolationNotADatabaseError() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Future<Integer>> milano = new AtomicReference<>();
            TestActors.actAs(TestActors.coordinator());
            transactions.executeWithoutResult(status -> {
                management.cover("cremasca", List.of(CREMA), "SCREEN"); // not committed yet
                milano.set(other.submit(() -> {
                    TestActors.actAs(TestActors.lead("milano"));
                    try {
                        return management.cover("milano", List.of(MILANO, CREMA), "SCREEN");
                    } finally {
                        TestActors.clear();
                    }
                }));
                awaitABlockedTransaction();
            });

            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> milano.get().get(10, TimeUnit.SECONDS));

            assertThat(e).as("the second cover fails").isNotNull();
            assertThat(e.getCause()).isInstanceOfSatisfying(RuleViolationException.class, rule -> {
                assertThat(rule.messageKey()).isEqualTo("coverage.conflict");
                assertThat(rule.args()).containsExactly("Crema (cremasca)");
            });
            assertThat(partnership.comuniCoveredBy("cremasca")).containsExactly(CREMA);
            assertThat(partnership.comuniCoveredBy("milano")).as("nothing written for milano").isEmpty();
        } finally {
            other.shutdownNow();
        }
    }

    /** Waits until another transaction waits for a lock held by the one in progress. */
    private void awaitABlockedTransaction() {
        long deadline = System.currentTimeMillis() + 10_000;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rs = s.executeQuery("select count(*) from pg_locks where not granted")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("The other transaction never waited for the lock");
    }

    @Test
    void refusesUnknownComuniAndWritesNothing() {
        TestActors.actAs(TestActors.coordinator());

        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> management.cover("milano", List.of(MILANO, "999999", "12A"), "SCREEN"));

        assertThat(e).isNotNull();
        assertThat(e.messageKey()).isEqualTo("coverage.unknown");
        assertThat(e.args()).containsExactly("12A, 999999");
        assertThat(partnership.comuniCoveredBy("milano")).isEmpty();
        assertThat(PartnershipFixtures.auditSince(jdbc, auditBefore)).isEmpty();
    }

    @Test
    void refusesAnEmptyListOfComuni() {
        TestActors.actAs(TestActors.coordinator());

        assertThatThrownBy(() -> management.cover("milano", List.of(" ", ""), "SCREEN"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("coverage.empty"));
    }

    @Test
    void uncoveringAComuneFreesItForAnotherNetwork() {
        TestActors.actAs(TestActors.coordinator());
        management.cover("cremasca", List.of(CREMA), "SCREEN");

        management.uncover("cremasca", CREMA);
        management.cover("milano", List.of(CREMA), "SCREEN");

        assertThat(partnership.comuniCoveredBy("cremasca")).isEmpty();
        assertThat(partnership.comuniCoveredBy("milano")).containsExactly(CREMA);
        assertThatThrownBy(() -> management.uncover("cremasca", CREMA)).isInstanceOf(RecordNotFoundException.class);
        assertThat(partnership.comuniCoveredBy("milano")).containsExactly(CREMA);
    }

    @Test
    void anUnknownNetworkIsNotFound() {
        TestActors.actAs(TestActors.coordinator());

        assertThatThrownBy(() -> management.cover("nope", List.of(MILANO), "SCREEN"))
                .isInstanceOf(RecordNotFoundException.class);
    }

    // --- a lead changes only their own network ---

    @Test
    void aNetworkLeadChangesTheirOwnNetwork() {
        TestActors.actAs(TestActors.coordinator());
        long org = management.createOrganisation(organisation("Cooperativa Sociale Lavoro Milano"));
        TestActors.actAs(TestActors.lead("milano"));

        management.cover("milano", List.of(MILANO), "SCREEN");
        long member = management.addMember("milano", org, MembershipRole.PARTNER, LocalDate.of(2025, 1, 1), null);

        assertThat(partnership.comuniCoveredBy("milano")).containsExactly(MILANO);
        assertThat(partnership.network("milano").orElseThrow().members()).extracting(Member::id).contains(member);
    }

    @Test
    void aLeadOfMilanoCannotChangeCremasca() {
        TestActors.actAs(TestActors.coordinator());
        long org = management.createOrganisation(organisation("Cooperativa Sociale Crema"));
        long member = management.addMember("cremasca", org, MembershipRole.PARTNER, null, null);
        management.cover("cremasca", List.of(CREMA), "SCREEN");
        long auditAfterSetup = PartnershipFixtures.lastAuditId(jdbc);
        TestActors.actAs(TestActors.lead("milano"));

        assertThatThrownBy(() -> management.cover("cremasca", List.of("019036"), "SCREEN"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> management.uncover("cremasca", CREMA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> management.addMember("cremasca", org + 0, MembershipRole.SUPPORTER, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> management.updateMember("cremasca", member, 0, MembershipRole.SUPPORTER, null,
                null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> management.removeMember("cremasca", member, 0))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> management.updateOrganisation(org, 0, organisation("Renamed by Milano")))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(partnership.comuniCoveredBy("cremasca")).containsExactly(CREMA);
        assertThat(memberRow(member)).containsEntry("role", "PARTNER").containsEntry("version", 0);
        assertThat(partnership.organisation(org).orElseThrow().data().name()).isEqualTo("Cooperativa Sociale Crema");
        assertThat(PartnershipFixtures.auditSince(jdbc, auditAfterSetup)).isEmpty();
    }

    @Test
    void aLeadOfMilanoCannotReachACremascaMembershipByGuessingItsIdUnderMilano() {
        TestActors.actAs(TestActors.coordinator());
        long org = management.createOrganisation(organisation("Cooperativa Sociale Crema"));
        long member = management.addMember("cremasca", org, MembershipRole.PARTNER, null, null);
        long cremascaLead = leadMember("cremasca").id();
        TestActors.actAs(TestActors.lead("milano"));

        assertThatThrownBy(() -> management.updateMember("milano", member, 0, MembershipRole.SUPPORTER, null, null))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> management.removeMember("milano", member, 0))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> management.updateMember("milano", cremascaLead, 0, MembershipRole.LEAD,
                LocalDate.of(2020, 1, 1), null)).isInstanceOf(RecordNotFoundException.class);

        assertThat(memberRow(member)).containsEntry("role", "PARTNER").containsEntry("version", 0);
        assertThat(memberRow(cremascaLead)).containsEntry("since", null).containsEntry("version", 0);
    }

    @Test
    void aLeadEditsOrganisationsOfTheirNetworkButNotTheProjectPartnersOrOtherNetworksLeads() {
        TestActors.actAs(TestActors.coordinator());
        long ownPartner = management.createOrganisation(organisation("Cooperativa Sociale Lavoro Milano"));
        management.addMember("milano", ownPartner, MembershipRole.PARTNER, null, null);
        long regione = organisationId("Regione Lombardia");
        long cremascaLead = leadMember("cremasca").organisationId();
        TestActors.actAs(TestActors.lead("milano"));

        management.updateOrganisation(ownPartner, 0, organisation("Cooperativa Sociale Lavoro Milano Nord"));

        assertThat(partnership.organisation(ownPartner).orElseThrow().data().name())
                .isEqualTo("Cooperativa Sociale Lavoro Milano Nord");
        assertThatThrownBy(() -> management.updateOrganisation(regione, 0,
                new OrganisationData("Regione", OrganisationKind.REGION, null, null, null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> management.updateOrganisation(cremascaLead, 0, organisation("Altro nome")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(partnership.organisation(regione).orElseThrow().data().name()).isEqualTo("Regione Lombardia");
    }

    // --- membership rules ---

    @Test
    void theLeadMembershipCannotBeRemoved() {
        TestActors.actAs(TestActors.coordinator());
        Member lead = leadMember("milano");

        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> management.removeMember("milano", lead.id(), lead.version()));

        assertThat(e).isNotNull();
        assertThat(e.messageKey()).isEqualTo("member.lead.remove");
        assertThat(leadMember("milano").id()).isEqualTo(lead.id());
        assertThat(PartnershipFixtures.auditSince(jdbc, auditBefore)).isEmpty();
    }

    @Test
    void theLeadRoleCannotBeGivenOrTakenAway() {
        TestActors.actAs(TestActors.coordinator());
        long org = management.createOrganisation(organisation("Cooperativa Sociale Lavoro Milano"));
        long member = management.addMember("milano", org, MembershipRole.PARTNER, null, null);
        Member lead = leadMember("milano");

        assertThatThrownBy(() -> management.addMember("milano", organisationId("Fondazione ISMU"),
                MembershipRole.LEAD, null, null)).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("member.lead.unique"));
        assertThatThrownBy(() -> management.updateMember("milano", member, 0, MembershipRole.LEAD, null, null))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("member.lead.unique"));
        assertThatThrownBy(() -> management.updateMember("milano", lead.id(), lead.version(),
                MembershipRole.PARTNER, null, null)).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("member.lead.unique"));
        assertThat(memberRow(member)).containsEntry("role", "PARTNER");
        assertThat(memberRow(lead.id())).containsEntry("role", "LEAD");
    }

    @Test
    void refusesADuplicateMembershipAndDatesOutOfOrder() {
        TestActors.actAs(TestActors.coordinator());
        long org = management.createOrganisation(organisation("Cooperativa Sociale Lavoro Milano"));
        management.addMember("milano", org, MembershipRole.PARTNER, null, null);

        assertThatThrownBy(() -> management.addMember("milano", org, MembershipRole.SUPPORTER, null, null))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("member.duplicate"));
        assertThatThrownBy(() -> management.addMember("cremasca", org, MembershipRole.PARTNER,
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 5, 31)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("member.dates.order"));
        assertThatThrownBy(() -> management.addMember("cremasca", 999_999L, MembershipRole.PARTNER, null, null))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("member.organisation.unknown"));
        assertThat(jdbc.sql("select count(*) from partnership_membership where organisation_id = :o")
                .param("o", org).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void refusesAnOrganisationSeatThatIsNotAComuneOfLombardy() {
        TestActors.actAs(TestActors.coordinator());

        assertThatThrownBy(() -> management.createOrganisation(new OrganisationData("Cooperativa Torino",
                OrganisationKind.THIRD_SECTOR, null, "001272", null, null, null, null)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("organisation.seat.unknown"));
        assertThat(organisationCount()).isEqualTo(16L);
    }

    // --- optimistic locking ---

    @Test
    void aStaleOrganisationUpdateIsRefusedAndTheFirstWriterWins() {
        TestActors.actAs(TestActors.coordinator());
        long id = management.createOrganisation(organisation("Cooperativa Sociale Lavoro Milano"));
        int readByBoth = partnership.organisation(id).orElseThrow().version();

        management.updateOrganisation(id, readByBoth, new OrganisationData("Cooperativa Prima",
                OrganisationKind.THIRD_SECTOR, null, MILANO, "Via Roma 1", null, null, null));
        ConcurrentEditException e = catchThrowableOfType(ConcurrentEditException.class,
                () -> management.updateOrganisation(id, readByBoth, new OrganisationData("Cooperativa Seconda",
                        OrganisationKind.SCHOOL, null, GHEDI, "Via Po 2", null, null, null)));

        assertThat(e).isNotNull();
        OrganisationDetail now = partnership.organisation(id).orElseThrow();
        assertThat(now.version()).isEqualTo(readByBoth + 1);
        assertThat(now.data()).extracting(OrganisationData::name, OrganisationData::kind, OrganisationData::seatIstat,
                OrganisationData::address).containsExactly("Cooperativa Prima", OrganisationKind.THIRD_SECTOR, MILANO,
                        "Via Roma 1");
        assertThat(PartnershipFixtures.auditSince(jdbc, auditBefore)).extracting(r -> r.get("action"))
                .containsExactly("partnership.organisation.create", "partnership.organisation.update");
    }

    @Test
    void aStaleMembershipUpdateOrRemovalIsRefusedAndTheFirstWriterWins() {
        TestActors.actAs(TestActors.coordinator());
        long org = management.createOrganisation(organisation("Cooperativa Sociale Lavoro Milano"));
        long member = management.addMember("milano", org, MembershipRole.PARTNER, null, null);
        TestActors.actAs(TestActors.lead("milano"));

        management.updateMember("milano", member, 0, MembershipRole.SUPPORTER, LocalDate.of(2025, 1, 1), null);
        assertThatThrownBy(() -> management.updateMember("milano", member, 0, MembershipRole.PARTNER,
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> management.removeMember("milano", member, 0))
                .isInstanceOf(ConcurrentEditException.class);

        assertThat(memberRow(member)).containsEntry("role", "SUPPORTER")
                .containsEntry("since", java.sql.Date.valueOf(LocalDate.of(2025, 1, 1)))
                .containsEntry("until", null).containsEntry("version", 1);

        management.removeMember("milano", member, 1);
        assertThat(jdbc.sql("select count(*) from partnership_membership where id = :id").param("id", member)
                .query(Long.class).single()).isZero();
    }

    // --- audit ---

    @Test
    void everyChangeIsAuditedWithTheActorsUsername() {
        TestActors.actAs(TestActors.coordinator());
        long org = management.createOrganisation(organisation("Cooperativa Sociale Lavoro Milano"));
        TestActors.actAs(TestActors.lead("milano"));
        long member = management.addMember("milano", org, MembershipRole.PARTNER, null, null);
        management.updateMember("milano", member, 0, MembershipRole.SUPPORTER, null, null);
        management.updateOrganisation(org, 0, organisation("Cooperativa Sociale Lavoro Milano Sud"));
        management.cover("milano", List.of(MILANO), "SCREEN");
        management.uncover("milano", MILANO);
        management.removeMember("milano", member, 1);

        List<Map<String, Object>> events = PartnershipFixtures.auditSince(jdbc, auditBefore);

        assertThat(events).extracting(r -> r.get("actor") + " " + r.get("action") + " " + r.get("record_type")
                + "#" + r.get("record_id")).containsExactly(
                        "test.coordinator partnership.organisation.create partnership_organisation#" + org,
                        "test.lead.milano partnership.member.add partnership_membership#" + member,
                        "test.lead.milano partnership.member.update partnership_membership#" + member,
                        "test.lead.milano partnership.organisation.update partnership_organisation#" + org,
                        "test.lead.milano partnership.coverage.add partnership_network#milano",
                        "test.lead.milano partnership.coverage.remove partnership_network#milano",
                        "test.lead.milano partnership.member.remove partnership_membership#" + member);
        assertThat((String) events.get(3).get("details")).contains("Cooperativa Sociale Lavoro Milano Sud")
                .doesNotContain("kind");
        assertThat((String) events.get(4).get("details")).contains(MILANO).contains("SCREEN");
    }

    // --- helpers ---

    static OrganisationData organisation(String name) {
        return new OrganisationData(name, OrganisationKind.THIRD_SECTOR, null, null, null, null, null, null);
    }

    private Member leadMember(String network) {
        return partnership.network(network).orElseThrow().members().stream()
                .filter(m -> m.role() == MembershipRole.LEAD).findFirst().orElseThrow();
    }

    private long organisationId(String name) {
        return jdbc.sql("select id from partnership_organisation where name = :n").param("n", name)
                .query(Long.class).single();
    }

    private long organisationCount() {
        return jdbc.sql("select count(*) from partnership_organisation").query(Long.class).single();
    }

    private Map<String, Object> memberRow(long id) {
        return jdbc.sql("select role, since, until, version from partnership_membership where id = :id")
                .param("id", id).query().singleRow();
    }
}
