package it.labimpact.participant;

import static it.labimpact.participant.ParticipantFixtures.auditSince;
import static it.labimpact.participant.ParticipantFixtures.lastAuditId;
import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.personOf;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import it.labimpact.TestActors;
import it.labimpact.participant.vault.Vault;
import it.labimpact.participant.vault.VaultException;
import it.labimpact.participant.vault.VaultKeys;
import it.labimpact.participant.vault.VaultKeysAccess;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The registry on the embedded PostgreSQL: sealed storage, de-duplication across networks without leaking
 * data, duplicates in one network, the review queue, crypto-shredding, optimistic locking, audited reads.
 */
@SpringBootTest
@RecordApplicationEvents
class ParticipantRegistryTest {

    static final LocalDate BORN = LocalDate.of(1990, 3, 12);
    static final Actor MILANO = TestActors.operator("milano");
    static final Actor CREMASCA = TestActors.operator("cremasca");

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    MatchReviews reviews;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VaultKeys keys;

    @Autowired
    Vault vault;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    @AfterEach
    void clean() {
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
    }

    @Test
    void registersWithPersonalDataSealedAndOnlyPseudonymousDataInClear() {
        Registration r = register(registry, jdbc, MILANO, person("El Amrani", "Fatima", BORN, "MHMFTM90C52Z330Q"));

        assertThat(r.alreadyRegisteredInProject()).isFalse();
        Map<String, Object> row = jdbc.sql("select * from participant where id = :id").param("id", r.participantId())
                .query().singleRow();
        assertThat(row).containsEntry("birth_year", 1990).containsEntry("citizenship", "MA")
                .containsEntry("sex", "F").containsEntry("residence_istat", "015146");
        String everything = jdbc.sql("select v::text from participant_vault v").query(String.class).single()
                + jdbc.sql("select p::text from participant p").query(String.class).single();
        assertThat(everything).doesNotContain("Amrani").doesNotContain("Fatima").doesNotContain("1990-03-12")
                .doesNotContain("MHMFTM");
        assertThat(events.stream(ParticipantRegistered.class))
                .containsExactly(new ParticipantRegistered(r.participantId(), personOf(jdbc, r.participantId()),
                        "milano", ParticipantFixtures.leadOrganisation(jdbc, "milano"), LocalDate.now().minusDays(3),
                        false));

        TestActors.actAs(MILANO);
        ParticipantRecord record = registry.read(r.participantId());
        assertThat(record.personal()).isEqualTo(new PersonalData("El Amrani", "Fatima", BORN, "MA", "MHMFTM90C52Z330Q",
                "+39 333 1234567", null));
        assertThat(record.sensitive().vulnerabilities()).containsExactly(Vulnerability.SINGLE_PARENT);
        assertThat(record.residenceName()).isEqualTo("Milano");
    }

    @Test
    void countsAPersonOnceAcrossNetworksWithoutShowingTheOtherNetworksData() {
        Registration a = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, null));
        long auditBefore = lastAuditId(jdbc);

        Registration b = register(registry, jdbc, CREMASCA, person("NDIAYE", "awa ", BORN, null));

        assertThat(b.alreadyRegisteredInProject()).isTrue();
        assertThat(personOf(jdbc, b.participantId())).isEqualTo(personOf(jdbc, a.participantId()));
        assertThat(auditSince(jdbc, auditBefore)).extracting(e -> e.get("action"))
                .as("registering reads nothing of the other network").containsExactly("participant.register");
        TestActors.actAs(CREMASCA);
        assertThatThrownBy(() -> registry.read(a.participantId())).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> registry.export(a.participantId())).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> registry.rectify(a.participantId(), 0, person("X", "Y", BORN, null)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(registry.list(new ParticipantQuery("Ndia", null), new PageRequest(0, 50)).items())
                .extracting(l -> l.summary().id()).containsExactly(b.participantId());
        assertThat(registry.list(new ParticipantQuery(null, null), new PageRequest(0, 50)).items())
                .extracting(l -> l.summary().id()).containsExactly(b.participantId());
    }

    @Test
    void theSameCodeLinksRegistrationsEvenWhenNamesAreSpelledDifferently() {
        Registration a = register(registry, jdbc, MILANO, person("Mohamed", "Ali", BORN, "12345678903"));

        Registration b = register(registry, jdbc, CREMASCA, person("Muhammad", "Aly", BORN, "123 4567 8903"));

        assertThat(b.alreadyRegisteredInProject()).isTrue();
        assertThat(personOf(jdbc, b.participantId())).isEqualTo(personOf(jdbc, a.participantId()));
        TestActors.actAs(CREMASCA);
        assertThat(registry.list(new ParticipantQuery("12345678903", null), new PageRequest(0, 50)).items())
                .as("the code search finds only the caller's own record")
                .extracting(ParticipantListing::surname).containsExactly("Muhammad");
    }

    @Test
    void findsTheNetworksOwnRecordOfAPersonWithoutRegisteringAnything() {
        UUID awa = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, "MHMFTM90C52Z330Q")).participantId();
        long identities = jdbc.sql("select count(*) from participant_identity").query(Long.class).single();

        TestActors.actAs(MILANO);
        // the same code with a typo in the name, and the same identity without a code: both the record of Milano
        assertThat(registry.heldByNetwork(person("Ndiay", "Awa", BORN, "MHMFTM90C52Z330Q"))).contains(awa);
        assertThat(registry.heldByNetwork(person("Ndiaye", "Awa", BORN, null))).contains(awa);
        assertThat(registry.heldByNetwork(person("Ndiaye", "Awa", BORN.plusDays(1), null))).isEmpty();
        TestActors.actAs(CREMASCA);
        assertThat(registry.heldByNetwork(person("Ndiaye", "Awa", BORN, "MHMFTM90C52Z330Q"))).isEmpty();
        TestActors.clear();

        assertThat(jdbc.sql("select count(*) from participant_identity").query(Long.class).single())
                .isEqualTo(identities);
    }

    @Test
    void refusesTheSamePersonTwiceInOneNetwork() {
        register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, null));
        long before = count();

        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> register(registry, jdbc, TestActors.lead("milano"), person("Ndiaye", "Awa", BORN, null)));

        assertThat(e).isNotNull();
        assertThat(e.messageKey()).isEqualTo("participant.duplicate.network");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void nearMatchesWaitForACoordinatorWhoseDecisionIsAudited() {
        Registration a = register(registry, jdbc, MILANO, person("Mohamed", "Karim", BORN, null));
        Registration b = register(registry, jdbc, CREMASCA, person("Mohammed", "Karim", BORN, null));
        Registration c = register(registry, jdbc, CREMASCA, person("Karim", "Mohamed", BORN.plusDays(1), null));

        assertThat(b.alreadyRegisteredInProject()).as("a near match is not merged automatically").isFalse();
        assertThat(c.alreadyRegisteredInProject()).isFalse();
        assertThat(personOf(jdbc, b.participantId())).isNotEqualTo(personOf(jdbc, a.participantId()));

        TestActors.actAs(TestActors.coordinator());
        long auditBefore = lastAuditId(jdbc);
        List<MatchReview> open = reviews.open(new PageRequest(0, 10)).items();
        assertThat(open).hasSize(1);
        MatchReview review = open.get(0);
        assertThat(review.reason()).isEqualTo(MatchReview.Reason.SIMILAR_NAMES);
        assertThat(review.participant().personal().surname()).isEqualTo("Mohammed");
        assertThat(review.candidate().personal().surname()).isEqualTo("Mohamed");
        assertThat(auditSince(jdbc, auditBefore)).extracting(e -> e.get("action") + " " + e.get("record_id"))
                .containsExactly("participant.read " + b.participantId(), "participant.read " + a.participantId());

        reviews.decide(review.id(), review.version(), MatchReview.Status.MERGED);

        assertThat(personOf(jdbc, b.participantId())).isEqualTo(personOf(jdbc, a.participantId()));
        assertThat(reviews.open(new PageRequest(0, 10)).items()).isEmpty();
        assertThat(auditSince(jdbc, auditBefore)).filteredOn(e -> e.get("action").equals("participant.match.decide"))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("actor")).isEqualTo("test.coordinator");
                    assertThat((String) e.get("details")).contains("MERGED").contains(b.participantId().toString());
                });
        assertThatThrownBy(() -> reviews.decide(review.id(), review.version(), MatchReview.Status.DISTINCT))
                .isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void theSameNamesWithDifferentCodesAreTwoPersonsUnderReview() {
        Registration a = register(registry, jdbc, MILANO, person("Rossi", "Maria", BORN, "12345678903"));
        Registration b = register(registry, jdbc, CREMASCA, person("Rossi", "Maria", BORN, "80012345676"));

        assertThat(b.alreadyRegisteredInProject()).isFalse();
        assertThat(personOf(jdbc, b.participantId())).isNotEqualTo(personOf(jdbc, a.participantId()));
        TestActors.actAs(TestActors.coordinator());
        assertThat(reviews.open(new PageRequest(0, 10)).items()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(MatchReview.Reason.DIFFERENT_CODE));
        TestActors.actAs(TestActors.operator("milano"));
        assertThatThrownBy(() -> reviews.open(new PageRequest(0, 10))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void erasureCryptoShredsThePersonalDataAndKeepsThePseudonymousRow() {
        Registration r = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, "12345678903"));
        UUID id = r.participantId();
        Map<String, Object> sealedBefore = jdbc.sql("select * from participant_vault where participant_id = :id")
                .param("id", id).query().singleRow();
        byte[] surname = (byte[]) sealedBefore.get("surname");
        byte[] wrapped = (byte[]) sealedBefore.get("wrapped_key");
        long auditBefore = lastAuditId(jdbc);

        TestActors.actAs(TestActors.operator("milano"));
        assertThatThrownBy(() -> registry.erase(id)).as("operators ask their lead").isInstanceOf(AccessDeniedException.class);
        TestActors.actAs(TestActors.lead("milano"));
        registry.erase(id);

        assertThat(jdbc.sql("select count(*) from participant_vault").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from participant_identity").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from participant_near_key").query(Long.class).single()).isZero();
        SecretKeySpec master = new SecretKeySpec(VaultKeysAccess.currentMasterKey(keys), "AES");
        for (String field : List.of("surname", "given_names", "birth_date", "tax_code")) {
            byte[] sealed = (byte[]) sealedBefore.get(field);
            assertThatThrownBy(() -> vault.open(master, id, field, sealed)).as(field + " with the master key")
                    .isInstanceOf(VaultException.class);
        }
        assertThat(new String(surname, StandardCharsets.ISO_8859_1)).doesNotContain("Ndiaye");
        String wrappedHex = java.util.HexFormat.of().formatHex(wrapped);
        assertThat(jdbc.sql("select count(*) from audit_event where details::text like :w").param("w", "%" + wrappedHex + "%")
                .query(Long.class).single()).as("the wrapped key survives nowhere").isZero();

        Map<String, Object> row = jdbc.sql("select * from participant where id = :id").param("id", id).query().singleRow();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row).containsEntry("erasure_reason", "REQUEST").containsEntry("birth_year", 1990)
                .containsEntry("citizenship", "MA").containsEntry("sex", "F");
        ParticipantRecord after = registry.read(id);
        assertThat(after.personal()).isNull();
        assertThat(after.summary().erased()).isTrue();
        TestActors.actAs(TestActors.evaluator());
        assertThat(registry.pseudonymised(null, new PageRequest(0, 50)).items()).singleElement()
                .satisfies(p -> assertThat(p.erased()).isTrue());
        assertThat(auditSince(jdbc, auditBefore)).extracting(e -> e.get("action")).contains("participant.erase");

        Registration again = register(registry, jdbc, CREMASCA, person("Ndiaye", "Awa", BORN, "12345678903"));
        assertThat(again.alreadyRegisteredInProject()).as("the erased person's hashes are forgotten").isFalse();
    }

    @Test
    void aStaleVersionIsAConflictAndTheFirstChangeSurvives() {
        UUID id = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, null)).participantId();
        TestActors.actAs(MILANO);
        int version = registry.read(id).summary().version();
        ParticipantData first = person("Ndiaye", "Awa", BORN, null);
        first = new ParticipantData(first.surname(), first.givenNames(), first.sex(), first.birthDate(),
                first.birthCountry(), first.citizenship(), null, "Crema", first.firstContactDate(), "+39 02 1234",
                "awa@example.org", first.vulnerabilities(), first.permitType(), first.permitExpiry());

        registry.rectify(id, version, first);
        ParticipantData second = person("Ndiaye", "Awa Marie", BORN, null);
        assertThatThrownBy(() -> registry.rectify(id, version, second)).isInstanceOf(ConcurrentEditException.class);

        ParticipantRecord record = registry.read(id);
        assertThat(record.personal().givenNames()).isEqualTo("Awa");
        assertThat(record.personal().email()).isEqualTo("awa@example.org");
        assertThat(record.summary().residenceIstat()).isEqualTo("019035");
        assertThat(record.summary().version()).isEqualTo(version + 1);
    }

    @Test
    void everyReadOfPersonalDataIsAuditedWithoutPersonalDataInTheTrail() {
        UUID id = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, "12345678903")).participantId();
        long before = lastAuditId(jdbc);
        TestActors.actAs(MILANO);

        registry.read(id);
        registry.export(id);
        registry.list(new ParticipantQuery("ndi", null), new PageRequest(0, 10));
        registry.list(new ParticipantQuery("12345678903", null), new PageRequest(0, 10));
        registry.list(new ParticipantQuery(null, null), new PageRequest(0, 10));
        registry.rectify(id, 0, person("Ndiaye", "Awa", BORN, "12345678903"));

        List<Map<String, Object>> trail = auditSince(jdbc, before);
        assertThat(trail).extracting(e -> e.get("action")).containsExactly("participant.read", "participant.export",
                "participant.search", "participant.search", "participant.rectify");
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo("test.operator.milano");
            assertThat(String.valueOf(e.get("details"))).doesNotContain("Ndiaye").doesNotContain("12345678903");
        });
        assertThat(trail.get(2).get("details").toString()).contains(id.toString());
    }

    @Test
    void evaluatorsGetPseudonymisedRowsAndGovernanceNothing() {
        register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, null));
        UUID id = register(registry, jdbc, CREMASCA, person("Ndiaye", "Awa", BORN, null)).participantId();

        TestActors.actAs(TestActors.evaluator());
        List<PseudonymisedParticipant> rows = registry.pseudonymised(null, new PageRequest(0, 50)).items();
        assertThat(rows).hasSize(2).allSatisfy(p -> {
            assertThat(p.birthYear()).isEqualTo(1990);
            assertThat(p.firstContactMonth()).matches("\\d{4}-\\d{2}");
        });
        assertThat(rows).extracting(PseudonymisedParticipant::personId).as("one person, counted once").containsOnly(
                rows.get(0).personId());
        assertThatThrownBy(() -> registry.read(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.list(new ParticipantQuery(null, null), new PageRequest(0, 5)))
                .isInstanceOf(AccessDeniedException.class);

        TestActors.actAs(new Actor(9, "test.governance", "Gov", it.labimpact.shared.Role.GOVERNANCE,
                it.labimpact.shared.ScopeType.PROJECT, null, null));
        assertThatThrownBy(() -> registry.pseudonymised(null, new PageRequest(0, 5)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.read(id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void administratorsDoNotSeeSensitiveDataAndCannotWipeIt() {
        UUID id = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, null)).participantId();
        TestActors.actAs(TestActors.admin());

        ParticipantRecord seen = registry.read(id);
        assertThat(seen.sensitive()).isNull();
        registry.rectify(id, seen.summary().version(), seen.toData());

        TestActors.actAs(TestActors.coordinator());
        assertThat(registry.read(id).sensitive().permitType()).isEqualTo(PermitType.FAMILY);
    }

    @Test
    void warnsWhenTheCodeDisagreesWithTheBirthDateOrSex() {
        ParticipantData wrong = new ParticipantData("Rossi", "Mario", Sex.F, LocalDate.of(1985, 12, 11), "IT", "DE",
                "RSSMRA85T10A562S", MILANO_CODE, LocalDate.now(), null, null, null, null, null);

        assertThat(registry.warnings(wrong)).extracting(FieldWarning::field)
                .containsExactlyInAnyOrder("birthDate", "sex", "citizenship");
        ParticipantData right = new ParticipantData("Rossi", "Mario", Sex.M, LocalDate.of(1985, 12, 10), "IT", "MA",
                "rssmra85t10a562s", MILANO_CODE, LocalDate.now(), null, null, null, null, null);
        assertThat(registry.warnings(right)).isEmpty();
    }

    private static final String MILANO_CODE = ParticipantFixtures.MILANO;

    private long count() {
        return jdbc.sql("select count(*) from participant").query(Long.class).single();
    }
}
