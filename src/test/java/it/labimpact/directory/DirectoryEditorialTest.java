package it.labimpact.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The directory's workflow on the embedded database: drafting, publishing, scope, freshness, translations. */
@SpringBootTest
class DirectoryEditorialTest {

    @Autowired
    DirectoryEditorial editorial;

    @Autowired
    PublicDirectory directory;

    @Autowired
    JdbcClient jdbc;

    long milanoOrg;

    @BeforeEach
    void setUp() {
        DirectoryFixtures.clean(jdbc);
        milanoOrg = DirectoryFixtures.leadOrganisation(jdbc, "milano");
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        DirectoryFixtures.clean(jdbc);
    }

    @Test
    void anOperatorDraftsTheLeadPublishesAndEveryStepIsAudited() {
        long audit = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        UUID id = TestActors.call(TestActors.operator("milano"),
                () -> editorial.create(DirectoryFixtures.course(milanoOrg, "Corso di italiano A2")));
        TestActors.actAs(TestActors.operator("milano"));
        EntryView draft = editorial.entry(id);
        assertThat(draft.status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(draft.networkCode()).isEqualTo("milano");
        assertThat(draft.locations()).singleElement().satisfies(l -> {
            assertThat(l.comuneIstat()).isEqualTo("015146");
            assertThat(l.latitude()).isBetween(45.3, 45.6);
        });
        assertThat(draft.openings()).hasSize(2);
        assertThat(draft.closures()).hasSize(1);
        assertThat(draft.translations().get("ar").get(TextField.NAME)).isEqualTo(TranslationState.MISSING);
        // not public while a draft
        assertThatThrownBy(() -> directory.entry(id, PublicLanguage.IT)).isInstanceOf(RecordNotFoundException.class);
        // an operator does not publish
        assertThatThrownBy(() -> editorial.publish(id, draft.version())).isInstanceOf(AccessDeniedException.class);
        TestActors.clear();

        TestActors.actAs(TestActors.lead("milano"));
        // a stale version is refused
        assertThatThrownBy(() -> editorial.publish(id, draft.version() + 5)).isInstanceOf(ConcurrentEditException.class);
        editorial.publish(id, draft.version());
        EntryView published = editorial.entry(id);
        assertThat(published.status()).isEqualTo(EntryStatus.PUBLISHED);
        assertThat(published.lastCheckedOn()).isEqualTo(DirectoryEditorial.today());
        assertThat(published.lastCheckedBy()).isEqualTo("test.lead.milano");
        assertThat(directory.entry(id, PublicLanguage.IT).name()).isEqualTo("Corso di italiano A2");

        editorial.unpublish(id, published.version());
        assertThatThrownBy(() -> directory.entry(id, PublicLanguage.IT)).isInstanceOf(RecordNotFoundException.class);
        assertThat(jdbc.sql("select action from audit_event where id > :a and record_id = :r order by id")
                .param("a", audit).param("r", id.toString()).query(String.class).list())
                .containsExactly("directory.create", "directory.published", "directory.unpublished");
    }

    @Test
    void anotherNetworksEntryIsNotFoundEvenByItsId() {
        UUID id = TestActors.call(TestActors.operator("milano"),
                () -> editorial.create(DirectoryFixtures.course(milanoOrg, "Sportello Milano")));
        TestActors.actAs(TestActors.operator("ghedi"));
        assertThatThrownBy(() -> editorial.entry(id)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> editorial.update(id, DirectoryFixtures.withVersion(
                DirectoryFixtures.course(milanoOrg, "Preso"), 0))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> editorial.confirm(id, 0)).isInstanceOf(RecordNotFoundException.class);
        assertThat(editorial.entries(new DirectoryEditorial.EditorQuery(null, null, false), new PageRequest(0, 10))
                .items()).isEmpty();
        TestActors.clear();
        TestActors.actAs(TestActors.lead("ghedi"));
        assertThatThrownBy(() -> editorial.publish(id, 0)).isInstanceOf(RecordNotFoundException.class);
        // nor can a Ghedi operator draft for a Milano organisation
        assertThatThrownBy(() -> editorial.create(DirectoryFixtures.course(milanoOrg, "Altrui")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("directory.organisation.notMember"));
    }

    @Test
    void entriesNotCheckedForTooLongAreFlaggedAndConfirmingClearsTheFlag() {
        UUID id = TestActors.call(TestActors.lead("milano"), () -> {
            UUID created = editorial.create(DirectoryFixtures.course(milanoOrg, "Sportello casa"));
            editorial.publish(created, DirectoryFixtures.version(jdbc, created));
            return created;
        });
        DirectoryFixtures.checkedDaysAgo(jdbc, id, 181);
        TestActors.actAs(TestActors.operator("milano"));
        assertThat(editorial.staleCount()).isEqualTo(1);
        assertThat(editorial.entry(id).stale()).isTrue();
        assertThat(editorial.entries(new DirectoryEditorial.EditorQuery(null, null, true), new PageRequest(0, 10))
                .items()).extracting(EntrySummary::id).containsExactly(id);
        assertThat(directory.entry(id, PublicLanguage.IT).stale()).isTrue();
        editorial.confirm(id, DirectoryFixtures.version(jdbc, id));
        assertThat(editorial.staleCount()).isZero();
        assertThat(editorial.entry(id).lastCheckedOn()).isEqualTo(DirectoryEditorial.today());
        TestActors.clear();
        TestActors.actAs(TestActors.operator("ghedi"));
        assertThat(editorial.staleCount()).isZero();
    }

    @Test
    void visitorsReadReviewedTranslationsAndItalianWhereOneIsMissing() {
        UUID id = TestActors.call(TestActors.lead("milano"), () -> {
            UUID created = editorial.create(DirectoryFixtures.course(milanoOrg, "Corso di italiano"));
            editorial.publish(created, DirectoryFixtures.version(jdbc, created));
            Map<TextField, String> values = new EnumMap<>(TextField.class);
            values.put(TextField.NAME, "دورة اللغة الإيطالية");
            values.put(TextField.DESCRIPTION, "مسودة");
            Map<TextField, TranslationState> states = new EnumMap<>(TextField.class);
            states.put(TextField.NAME, TranslationState.REVIEWED);
            states.put(TextField.DESCRIPTION, TranslationState.DRAFT);
            editorial.translate(created, PublicLanguage.AR, values, states, DirectoryFixtures.version(jdbc, created));
            return created;
        });
        EntryView ar = directory.entry(id, PublicLanguage.AR);
        assertThat(ar.text(TextField.NAME)).isEqualTo(new LocalisedText("دورة اللغة الإيطالية", "ar", false));
        // a draft translation is not shown: Italian, marked as a fallback
        assertThat(ar.text(TextField.DESCRIPTION).lang()).isEqualTo("it");
        assertThat(ar.text(TextField.DESCRIPTION).fallback()).isTrue();
        assertThat(directory.entry(id, PublicLanguage.IT).text(TextField.NAME).fallback()).isFalse();
        EntryView editor = TestActors.call(TestActors.operator("milano"), () -> editorial.entry(id));
        assertThat(editor.translations().get("ar")).containsEntry(TextField.NAME, TranslationState.REVIEWED)
                .containsEntry(TextField.DESCRIPTION, TranslationState.DRAFT)
                .containsEntry(TextField.AUDIENCE, TranslationState.MISSING);
        // the Arabic visitor also finds it by its Arabic name
        assertThat(directory.search(new DirectorySearch(EntryKind.SERVICE, null, null, null, "الإيطالية"),
                PublicLanguage.AR, new PageRequest(0, 10)).items()).extracting(EntrySummary::id).containsExactly(id);
    }

    @Test
    void searchFindsNearbyServicesByTopicLanguageAndWords() {
        long ghediOrg = DirectoryFixtures.leadOrganisation(jdbc, "ghedi");
        UUID milano = TestActors.call(TestActors.lead("milano"), () -> {
            UUID created = editorial.create(DirectoryFixtures.course(milanoOrg, "Corso di italiano serale"));
            editorial.publish(created, DirectoryFixtures.version(jdbc, created));
            return created;
        });
        TestActors.run(TestActors.lead("ghedi"), () -> {
            EntryData d = DirectoryFixtures.course(ghediOrg, "Corso di italiano a Ghedi");
            UUID created = editorial.create(new EntryData(d.kind(), null, ghediOrg, d.categories(), d.free(),
                    java.util.List.of("it", "fr"), null, null, null, null, null, d.italian(),
                    java.util.List.of(new EntryData.Place(null, "Piazza Roma 1", null, "Ghedi", null, null)),
                    d.openings(), d.closures(), null));
            editorial.publish(created, DirectoryFixtures.version(jdbc, created));
        });
        String sesto = directory.comune("Sesto San Giovanni").orElseThrow().istatCode();
        var near = directory.search(new DirectorySearch(EntryKind.SERVICE, sesto, null, null, "corso di italiano"),
                PublicLanguage.IT, new PageRequest(0, 10));
        assertThat(near.items()).extracting(EntrySummary::id).containsExactly(milano);
        assertThat(near.items().get(0).distanceKm()).isLessThan(DirectorySearch.RADIUS_KM);
        assertThat(directory.search(new DirectorySearch(EntryKind.SERVICE, null, null, "fr", null), PublicLanguage.IT,
                new PageRequest(0, 10)).items()).extracting(EntrySummary::name).extracting(LocalisedText::value)
                .containsExactly("Corso di italiano a Ghedi");
        assertThat(directory.search(new DirectorySearch(EntryKind.SERVICE, null, DirectoryCategory.HOUSING, null, null),
                PublicLanguage.IT, new PageRequest(0, 10)).total()).isZero();
        // LIKE wildcards and SQL are only text
        assertThat(directory.search(new DirectorySearch(EntryKind.SERVICE, null, null, null, "%' or 1=1 --"),
                PublicLanguage.IT, new PageRequest(0, 10)).total()).isZero();
    }
}
