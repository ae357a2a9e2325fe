package it.labimpact.cooperation;

import static it.labimpact.cooperation.MeetingFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Governance bodies and meetings on the real database: the standing bodies seeded at start-up, meetings with their
 * invitations, attendance that makes a meeting held and shows in the fact view, decisions and their follow-up,
 * optimistic locking, attached files checked by content, scope by network, and the audit trail of every change.
 */
@SpringBootTest
class MeetingRegistryTest {

    @Autowired
    MeetingRegistry meetings;

    @Autowired
    GovernanceBodies bodies;

    @Autowired
    JdbcClient jdbc;

    long milanoTable;
    long comuneDiMilano;
    long ismu;
    long anci;

    @BeforeEach
    void seeded() {
        MeetingFixtures.clean(jdbc);
        milanoTable = MeetingFixtures.table(jdbc, "milano");
        comuneDiMilano = MeetingFixtures.organisationId(jdbc, "Comune di Milano");
        ismu = MeetingFixtures.organisationId(jdbc, "Fondazione ISMU");
        anci = MeetingFixtures.organisationId(jdbc, "ANCI Lombardia");
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        MeetingFixtures.clean(jdbc);
    }

    @Test
    void theSteeringGroupAndOneTablePerNetworkExistFromTheStart() {
        TestActors.actAs(TestActors.coordinator());
        List<GovernanceBody> all = bodies.bodies(null);

        assertThat(all).filteredOn(b -> b.kind() == GovernanceBodyKind.STEERING_GROUP).singleElement()
                .satisfies(b -> {
                    assertThat(b.networkCode()).isNull();
                    assertThat(b.members()).extracting(GovernanceBody.Member::name)
                            .contains("Regione Lombardia", "ANCI Lombardia", "Fondazione ISMU", "Comune di Milano")
                            .hasSize(16);
                });
        assertThat(all).filteredOn(b -> b.kind() == GovernanceBodyKind.NETWORK_TABLE)
                .extracting(GovernanceBody::networkCode).hasSize(13).doesNotHaveDuplicates();
        assertThat(bodies.body(milanoTable).members()).extracting(GovernanceBody.Member::name)
                .containsExactly("Comune di Milano");

        bodies.ensureStandingBodies();
        assertThat(bodies.bodies(null)).hasSameSizeAs(all);
    }

    @Test
    void aMeetingInvitesTheBodysMembersWhenNobodyIsChosenAndIsAudited() {
        TestActors.actAs(TestActors.lead("milano"));
        long audit = MeetingFixtures.lastAuditId(jdbc);

        long id = meetings.create(MeetingFixtures.meeting(milanoTable, TODAY.plusDays(7), List.of()));

        MeetingDetail detail = meetings.meeting(id);
        assertThat(detail.attendance()).extracting(MeetingAttendance::organisationName)
                .containsExactly("Comune di Milano");
        assertThat(detail.attendance()).allSatisfy(a -> assertThat(a.present()).isNull());
        assertThat(detail.summary().status()).isEqualTo(MeetingStatus.PLANNED);
        assertThat(detail.canManage()).isTrue();
        assertThat(MeetingFixtures.auditSince(jdbc, audit))
                .containsExactly("governance.meeting.create cooperation_meeting " + id);
    }

    @Test
    void recordingAttendanceMakesTheMeetingHeldAndPublishesItsFacts() {
        TestActors.actAs(MeetingFixtures.governance());
        long steering = MeetingFixtures.steeringGroup(jdbc);
        long id = meetings.create(MeetingFixtures.meeting(steering, TODAY.minusDays(2),
                List.of(comuneDiMilano, ismu, anci)));
        assertThat(MeetingFixtures.facts(jdbc, id)).as("a planned meeting is no fact").isEmpty();
        long audit = MeetingFixtures.lastAuditId(jdbc);

        meetings.saveAttendance(id, new MeetingAttendanceUpdate(0, List.of(
                new MeetingAttendanceUpdate.Entry(comuneDiMilano, true, 3),
                new MeetingAttendanceUpdate.Entry(ismu, true, null),
                new MeetingAttendanceUpdate.Entry(anci, false, null))));

        MeetingDetail detail = meetings.meeting(id);
        assertThat(detail.summary().status()).isEqualTo(MeetingStatus.HELD);
        assertThat(detail.summary().present()).isEqualTo(2);
        assertThat(detail.summary().people()).isEqualTo(4);
        assertThat(detail.version()).isEqualTo(1);
        assertThat(MeetingFixtures.facts(jdbc, id)).extracting(r -> r.get("organisation_id") + " " + r.get("present")
                + " " + r.get("people") + " " + r.get("body_kind") + " " + r.get("network_code"))
                .containsExactlyInAnyOrder(comuneDiMilano + " true 3 STEERING_GROUP null",
                        ismu + " true 1 STEERING_GROUP null", anci + " false 0 STEERING_GROUP null");
        assertThat(MeetingFixtures.auditSince(jdbc, audit))
                .containsExactly("governance.meeting.attendance cooperation_meeting " + id);
    }

    @Test
    void attendanceIsRefusedForAMeetingToComeAnAbsentOrganisationWithPeopleOrOneNotInvited() {
        TestActors.actAs(TestActors.coordinator());
        long future = meetings.create(MeetingFixtures.meeting(milanoTable, TODAY.plusDays(1), List.of(comuneDiMilano)));
        long past = meetings.create(MeetingFixtures.meeting(milanoTable, TODAY, List.of(comuneDiMilano)));

        assertThatThrownBy(() -> meetings.saveAttendance(future, new MeetingAttendanceUpdate(0,
                List.of(new MeetingAttendanceUpdate.Entry(comuneDiMilano, true, 1)))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("governance.attendance.future");
        assertThatThrownBy(() -> meetings.saveAttendance(past, new MeetingAttendanceUpdate(0,
                List.of(new MeetingAttendanceUpdate.Entry(comuneDiMilano, false, 2)))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("governance.attendance.absent");
        assertThatThrownBy(() -> meetings.saveAttendance(past, new MeetingAttendanceUpdate(0,
                List.of(new MeetingAttendanceUpdate.Entry(ismu, true, 1)))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("governance.attendance.notInvited");
        assertThat(meetings.meeting(past).summary().status()).isEqualTo(MeetingStatus.PLANNED);
        assertThat(meetings.meeting(past).version()).isZero();
    }

    @Test
    void aStaleVersionIsRefusedOnMeetingEditsAndAttendance() {
        TestActors.actAs(TestActors.coordinator());
        MeetingData data = MeetingFixtures.meeting(milanoTable, TODAY.minusDays(1), List.of(comuneDiMilano));
        long id = meetings.create(data);
        meetings.update(id, MeetingFixtures.changed(data, MeetingStatus.PLANNED, "Verbale", 0));

        assertThatThrownBy(() -> meetings.update(id, MeetingFixtures.changed(data, MeetingStatus.PLANNED,
                "Sovrascritto", 0))).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> meetings.saveAttendance(id, new MeetingAttendanceUpdate(0,
                List.of(new MeetingAttendanceUpdate.Entry(comuneDiMilano, true, 1)))))
                .isInstanceOf(ConcurrentEditException.class);
        MeetingDetail detail = meetings.meeting(id);
        assertThat(detail.minutes()).isEqualTo("Verbale");
        assertThat(detail.attendance()).singleElement().satisfies(a -> assertThat(a.present()).isNull());
    }

    @Test
    void meetingRulesOnPlaceLinkTimesAndHeldMeetingsToCome() {
        long meetingsBefore = MeetingFixtures.meetingCount(jdbc);
        TestActors.actAs(TestActors.coordinator());
        MeetingData d = MeetingFixtures.meeting(milanoTable, TODAY.plusDays(3), List.of());
        assertThatThrownBy(() -> meetings.create(new MeetingData(d.bodyId(), d.date(), null, null, MeetingMode.HYBRID,
                "Sala", " ", null, null, MeetingStatus.PLANNED, null, null)))
                .hasMessageContaining("governance.meeting.link.required");
        assertThatThrownBy(() -> meetings.create(new MeetingData(d.bodyId(), d.date(), null, null,
                MeetingMode.IN_PERSON, null, null, null, null, MeetingStatus.PLANNED, null, null)))
                .hasMessageContaining("governance.meeting.place.required");
        assertThatThrownBy(() -> meetings.create(new MeetingData(d.bodyId(), d.date(), d.endTime(), d.startTime(),
                d.mode(), d.place(), null, null, null, MeetingStatus.PLANNED, null, null)))
                .hasMessageContaining("governance.meeting.time.order");
        assertThatThrownBy(() -> meetings.create(MeetingFixtures.changed(d, MeetingStatus.HELD, null, null)))
                .hasMessageContaining("governance.meeting.held.future");
        assertThat(MeetingFixtures.meetingCount(jdbc)).as("no meeting recorded").isEqualTo(meetingsBefore);
    }

    @Test
    void decisionsAreFollowedUpWithTheirVersionAndOverdueOnesAreFlagged() {
        TestActors.actAs(TestActors.lead("milano"));
        long id = meetings.create(MeetingFixtures.meeting(milanoTable, TODAY.minusDays(10), List.of(comuneDiMilano)));
        long audit = MeetingFixtures.lastAuditId(jdbc);
        long late = meetings.addDecision(id, new MeetingDecisionData("Inviare il calendario", comuneDiMilano,
                TODAY.minusDays(1), null, null, null));
        long later = meetings.addDecision(id, new MeetingDecisionData("Mappare i servizi", comuneDiMilano,
                TODAY.plusDays(5), MeetingDecisionStatus.IN_PROGRESS, null, null));

        assertThat(meetings.pendingDecisions("milano", null)).extracting(d -> d.id() + " " + d.overdue())
                .containsExactly(late + " true", later + " false");

        meetings.updateDecision(id, late, new MeetingDecisionData("Inviare il calendario", comuneDiMilano,
                TODAY.minusDays(1), MeetingDecisionStatus.DONE, "Inviato", 0));
        assertThatThrownBy(() -> meetings.updateDecision(id, late, new MeetingDecisionData("Inviare il calendario",
                comuneDiMilano, TODAY.minusDays(1), MeetingDecisionStatus.DROPPED, null, 0)))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(meetings.pendingDecisions(null, null)).extracting(MeetingDecision::id).contains(later)
                .doesNotContain(late);
        assertThat(meetings.meeting(id).decisions()).filteredOn(d -> d.id() == late).singleElement()
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo(MeetingDecisionStatus.DONE);
                    assertThat(d.overdue()).as("done is not overdue").isFalse();
                    assertThat(d.note()).isEqualTo("Inviato");
                });
        assertThat(MeetingFixtures.auditSince(jdbc, audit)).containsExactly(
                "governance.decision.create cooperation_meeting_decision " + late,
                "governance.decision.create cooperation_meeting_decision " + later,
                "governance.decision.update cooperation_meeting_decision " + late);
    }

    @Test
    void filesAreAcceptedByTheirBytesNotTheirName() {
        TestActors.actAs(TestActors.coordinator());
        long id = meetings.create(MeetingFixtures.meeting(milanoTable, TODAY, List.of()));
        byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        long audit = MeetingFixtures.lastAuditId(jdbc);

        long file = meetings.addFile(id, "C:\\Documenti\\verbale \"marzo\".png", pdf);

        MeetingFileContent stored = meetings.file(id, file);
        assertThat(stored.contentType()).as("the bytes say PDF, the name says PNG").isEqualTo("application/pdf");
        assertThat(stored.filename()).isEqualTo("verbale marzo.png");
        assertThat(stored.content()).isEqualTo(pdf);
        assertThatThrownBy(() -> meetings.addFile(id, "verbale.pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("governance.file.type");
        assertThatThrownBy(() -> meetings.addFile(id, "vuoto.pdf", new byte[0]))
                .hasMessageContaining("governance.file.empty");
        byte[] huge = new byte[(int) meetings.maxFileSize().toBytes() + 1];
        System.arraycopy(pdf, 0, huge, 0, pdf.length);
        assertThatThrownBy(() -> meetings.addFile(id, "grande.pdf", huge)).hasMessageContaining("governance.file.tooLarge");
        assertThat(meetings.meeting(id).files()).singleElement().extracting(MeetingFile::id).isEqualTo(file);
        assertThat(MeetingFixtures.auditSince(jdbc, audit))
                .containsExactly("governance.meeting.file.add cooperation_meeting_file " + file);
    }

    @Test
    void anotherNetworksBodiesAndMeetingsAreNotFoundAndReadersCannotChangeThem() {
        TestActors.actAs(TestActors.coordinator());
        long cremascaTable = MeetingFixtures.table(jdbc, "cremasca");
        long cremascaLead = MeetingFixtures.organisationId(jdbc, "Comunità Sociale Cremasca");
        long cremasca = meetings.create(MeetingFixtures.meeting(cremascaTable, TODAY, List.of()));
        long decision = meetings.addDecision(cremasca, new MeetingDecisionData("Decisione", cremascaLead, null, null,
                null, null));
        long milano = meetings.create(MeetingFixtures.meeting(milanoTable, TODAY, List.of()));
        TestActors.clear();

        TestActors.actAs(TestActors.lead("milano"));
        assertThatThrownBy(() -> bodies.body(cremascaTable)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> meetings.meeting(cremasca)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> meetings.updateDecision(cremasca, decision, new MeetingDecisionData("Presa",
                cremascaLead, null, MeetingDecisionStatus.DONE, null, 0))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> meetings.updateDecision(milano, decision, new MeetingDecisionData("Presa",
                cremascaLead, null, MeetingDecisionStatus.DONE, null, 0)))
                .as("another meeting's decision through my meeting").isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> meetings.create(MeetingFixtures.meeting(cremascaTable, TODAY, List.of())))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(meetings.meetings(new MeetingQuery(null, "cremasca", null, null, null),
                new it.labimpact.shared.PageRequest(0, 50)).items()).isEmpty();
        assertThat(meetings.pendingDecisions(null, null)).extracting(MeetingDecision::id).doesNotContain(decision);
        assertThatThrownBy(() -> meetings.create(MeetingFixtures.meeting(MeetingFixtures.steeringGroup(jdbc), TODAY,
                List.of()))).as("a lead reads the steering group but does not manage it")
                .isInstanceOf(AccessDeniedException.class);
        TestActors.clear();

        for (var reader : List.of(TestActors.operator("milano"), TestActors.evaluator())) {
            TestActors.actAs(reader);
            assertThat(meetings.meeting(milano).canManage()).isFalse();
            assertThatThrownBy(() -> meetings.addDecision(milano, new MeetingDecisionData("Decisione", comuneDiMilano,
                    null, null, null, null))).isInstanceOf(AccessDeniedException.class);
            TestActors.clear();
        }
        assertThat(jdbc.sql("select count(*) from cooperation_meeting_decision where meeting_id in (:own)")
                .param("own", List.of(cremasca, milano)).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aLeadCreatesWorkingGroupsOfTheirNetworkOnly() {
        TestActors.actAs(TestActors.lead("milano"));
        long audit = MeetingFixtures.lastAuditId(jdbc);
        long group = bodies.create(new GovernanceBodyData(GovernanceBodyKind.WORKING_GROUP, "milano",
                "Gruppo lavoro e formazione", null, List.of(comuneDiMilano, ismu), true, null));

        assertThat(bodies.body(group).members()).extracting(GovernanceBody.Member::name)
                .containsExactly("Comune di Milano", "Fondazione ISMU");
        assertThatThrownBy(() -> bodies.create(new GovernanceBodyData(GovernanceBodyKind.WORKING_GROUP, "cremasca",
                "Gruppo altrui", null, List.of(), true, null))).hasMessageContaining("governance.body.network.foreign");
        assertThatThrownBy(() -> bodies.create(new GovernanceBodyData(GovernanceBodyKind.WORKING_GROUP, null,
                "Gruppo di progetto", null, List.of(), true, null)))
                .hasMessageContaining("governance.body.network.foreign");
        assertThatThrownBy(() -> bodies.create(new GovernanceBodyData(GovernanceBodyKind.NETWORK_TABLE, "milano",
                "Secondo tavolo", null, List.of(), true, null))).hasMessageContaining("governance.body.duplicate");
        bodies.update(group, new GovernanceBodyData(GovernanceBodyKind.WORKING_GROUP, "milano", "Gruppo lavoro",
                null, List.of(ismu), false, 0));
        assertThatThrownBy(() -> bodies.update(group, new GovernanceBodyData(GovernanceBodyKind.WORKING_GROUP,
                "milano", "Vecchio", null, List.of(), true, 0))).isInstanceOf(ConcurrentEditException.class);
        GovernanceBody changed = bodies.body(group);
        assertThat(changed.name()).isEqualTo("Gruppo lavoro");
        assertThat(changed.active()).isFalse();
        assertThat(changed.members()).extracting(GovernanceBody.Member::organisationId).containsExactly(ismu);
        assertThat(MeetingFixtures.auditSince(jdbc, audit)).containsExactly(
                "governance.body.create cooperation_governance_body " + group,
                "governance.body.update cooperation_governance_body " + group);
        assertThat(Map.of("rows", jdbc.sql("select count(*) from cooperation_governance_body where kind = "
                + "'NETWORK_TABLE' and network_code = 'milano'").query(Long.class).single()))
                .containsEntry("rows", 1L);
    }
}
