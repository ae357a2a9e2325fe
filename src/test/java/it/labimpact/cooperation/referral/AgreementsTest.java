package it.labimpact.cooperation.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import it.labimpact.TestActors;
import it.labimpact.cooperation.AgreementData;
import it.labimpact.cooperation.AgreementKind;
import it.labimpact.cooperation.AgreementQuery;
import it.labimpact.cooperation.AgreementView;
import it.labimpact.cooperation.Agreements;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RuleViolationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agreements on the embedded PostgreSQL and through the API: parties and dates checked, who may change which
 * agreement, optimistic locking, the document's type read from its bytes, the download's headers, the audit trail
 * and the fact view with one row per party.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgreementsTest {

    static final Actor LEAD_MILANO = TestActors.lead("milano");
    static final Actor LEAD_CREMASCA = TestActors.lead("cremasca");

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Agreements agreements;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        ReferralFixtures.clean(jdbc);
    }

    private AgreementData protocol(String network, List<Long> parties, Integer version) {
        return new AgreementData(AgreementKind.PROTOCOL, "Protocollo per l'accoglienza", network, parties,
                LocalDate.now().minusDays(30), LocalDate.now().minusDays(30), null, "Orientamento e invii", version);
    }

    private List<Long> milanoAndCremasca() {
        return List.of(ReferralFixtures.lead(jdbc, "milano"), ReferralFixtures.lead(jdbc, "cremasca"));
    }

    @Test
    void aLeadRecordsTheNetworksAgreementAndTheFactViewHasOneRowPerParty() {
        long id = TestActors.call(LEAD_MILANO, () -> agreements.create(protocol("milano", milanoAndCremasca(), null)));

        AgreementView view = TestActors.call(TestActors.evaluator(), () -> agreements.agreement(id));
        assertThat(view.networkCode()).isEqualTo("milano");
        assertThat(view.parties()).extracting(AgreementView.Party::organisationId)
                .containsExactlyInAnyOrderElementsOf(milanoAndCremasca());
        assertThat(view.inForceOn(LocalDate.now())).isTrue();
        assertThat(TestActors.call(TestActors.operator("ghedi"), () -> agreements.list(
                new AgreementQuery(null, null, ReferralFixtures.lead(jdbc, "cremasca"), "accoglienza",
                        LocalDate.now()), new PageRequest(0, 10)).items())).extracting(AgreementView::id)
                .containsExactly(id);
        assertThat(TestActors.call(TestActors.operator("ghedi"), () -> agreements.list(
                new AgreementQuery(AgreementQuery.PROJECT, null, null, null, null), new PageRequest(0, 50))
                .items())).extracting(AgreementView::id).doesNotContain(id);

        var facts = jdbc.sql("select * from cooperation_fact_agreement where agreement_id = :id order by organisation_id")
                .param("id", id).query().listOfRows();
        assertThat(facts).extracting(f -> f.get("organisation_id"))
                .containsExactlyElementsOf(milanoAndCremasca().stream().sorted().toList());
        assertThat(facts).allSatisfy(f -> assertThat(f).containsEntry("agreement_id", id)
                .containsEntry("kind", "PROTOCOL").containsEntry("network_code", "milano")
                .containsEntry("valid_to", null));
    }

    @Test
    void partiesDatesAndRightsAreChecked() {
        long milano = ReferralFixtures.lead(jdbc, "milano");
        assertThatThrownBy(() -> TestActors.run(LEAD_MILANO, () -> agreements.create(protocol("milano",
                List.of(milano, milano), null))))
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("agreement.parties.atLeastTwo");
        long ghedi = ReferralFixtures.lead(jdbc, "ghedi");
        long cremasca = ReferralFixtures.lead(jdbc, "cremasca");
        assertThatThrownBy(() -> TestActors.run(TestActors.coordinator(), () -> agreements.create(protocol("milano",
                List.of(ghedi, cremasca), null))))
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("agreement.parties.noMember");
        AgreementData backwards = new AgreementData(AgreementKind.SERVICE, "Convenzione", null, milanoAndCremasca(),
                LocalDate.now(), LocalDate.now(), LocalDate.now().minusDays(1), null, null);
        assertThatThrownBy(() -> TestActors.run(TestActors.coordinator(), () -> agreements.create(backwards)))
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("validTo");

        // a lead changes only their network's agreements, never the project-wide ones; operators none
        assertThatThrownBy(() -> TestActors.run(LEAD_CREMASCA, () -> agreements.create(protocol("milano",
                milanoAndCremasca(), null)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestActors.run(LEAD_MILANO, () -> agreements.create(protocol(null,
                milanoAndCremasca(), null)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestActors.run(TestActors.operator("milano"), () -> agreements.create(
                protocol("milano", milanoAndCremasca(), null)))).isInstanceOf(AccessDeniedException.class);
        long project = TestActors.call(TestActors.coordinator(), () -> agreements.create(protocol(null,
                milanoAndCremasca(), null)));
        assertThatThrownBy(() -> TestActors.run(LEAD_MILANO, () -> agreements.update(project, protocol("milano",
                milanoAndCremasca(), 0)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesAreAudited() {
        long id = TestActors.call(LEAD_MILANO, () -> agreements.create(protocol("milano", milanoAndCremasca(), null)));
        long before = ReferralFixtures.lastAuditId(jdbc);
        List<Long> three = new java.util.ArrayList<>(milanoAndCremasca());
        three.add(ReferralFixtures.lead(jdbc, "ghedi"));
        TestActors.run(LEAD_MILANO, () -> agreements.update(id, protocol("milano", three, 0)));
        assertThatThrownBy(() -> TestActors.run(TestActors.coordinator(), () -> agreements.update(id,
                protocol("milano", milanoAndCremasca(), 0)))).isInstanceOf(ConcurrentEditException.class);

        assertThat(TestActors.call(LEAD_MILANO, () -> agreements.agreement(id)).parties()).hasSize(3);
        assertThat(ReferralFixtures.auditSince(jdbc, before)).singleElement().asString()
                .startsWith("agreement.update " + id);
    }

    @Test
    void theDocumentTypeIsReadFromTheBytes() throws Exception {
        long id = TestActors.call(LEAD_MILANO, () -> agreements.create(protocol("milano", milanoAndCremasca(), null)));
        // an HTML page named .pdf, and a spreadsheet named .docx, are refused whatever they claim to be
        for (MockMultipartFile fake : List.of(
                new MockMultipartFile("file", "protocollo.pdf", "application/pdf",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                new MockMultipartFile("file", "protocollo.docx", "application/octet-stream",
                        zip(Map.of("xl/workbook.xml", "<workbook/>"), null)))) {
            MockHttpServletResponse r = send(multipart("/api/v1/agreements/" + id + "/document").file(fake)
                    .param("version", "0"), LEAD_MILANO);
            assertThat(r.getStatus()).as(fake.getOriginalFilename()).isEqualTo(422);
            assertThat(r.getContentType()).startsWith("application/problem+json");
            assertThat(json.readTree(r.getContentAsString()).at("/errors/0/field").asString()).isEqualTo("document");
        }
        assertThat(jdbc.sql("select count(*) from cooperation_agreement_document where agreement_id = :id")
                .param("id", id).query(Long.class).single()).isZero();

        byte[] odt = zip(Map.of("content.xml", "<office:document-content/>"),
                "application/vnd.oasis.opendocument.text");
        MockHttpServletResponse attached = send(multipart("/api/v1/agreements/" + id + "/document")
                .file(new MockMultipartFile("file", "../../Protocollo \"firmato\".pdf", "application/pdf", odt))
                .param("version", "0"), LEAD_MILANO);
        assertThat(attached.getStatus()).isEqualTo(200);
        JsonNode document = json.readTree(attached.getContentAsString()).get("document");
        assertThat(document.get("contentType").asString()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(document.get("fileName").asString()).isEqualTo("Protocollo _firmato_.odt");

        MockHttpServletResponse download = send(get("/agreements/" + id + "/document"), TestActors.operator("ghedi"));
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains("Protocollo");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getContentAsByteArray()).isEqualTo(odt);

        // a DOCX and a PDF are accepted; the version moved with each upload
        byte[] docx = zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"), null);
        assertThat(send(multipart("/api/v1/agreements/" + id + "/document")
                .file(new MockMultipartFile("file", "a.docx", null, docx)).param("version", "0"), LEAD_MILANO)
                .getStatus()).isEqualTo(409);
        assertThat(send(multipart("/api/v1/agreements/" + id + "/document")
                .file(new MockMultipartFile("file", "a.docx", null, docx)).param("version", "1"), LEAD_MILANO)
                .getStatus()).isEqualTo(200);
        TestActors.run(LEAD_MILANO, () -> agreements.attach(id, 2, "firmato.pdf",
                "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(TestActors.call(LEAD_MILANO, () -> agreements.agreement(id)).document().contentType())
                .isEqualTo("application/pdf");
        // too large
        byte[] large = new byte[(int) agreements.maxDocumentSize().toBytes() + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 5);
        assertThatThrownBy(() -> TestActors.run(LEAD_MILANO, () -> agreements.attach(id, 3, "big.pdf", large)))
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("agreement.document.tooLarge");
    }

    @Test
    void theApiCreatesReadsAndChangesAgreements() throws Exception {
        String body = json.writeValueAsString(Map.of("kind", "CO_DESIGN", "title", "Co-progettazione L2",
                "networkCode", "milano", "partyIds", milanoAndCremasca(), "signedOn", LocalDate.now().toString(),
                "validFrom", LocalDate.now().toString()));
        MockHttpServletResponse created = send(post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON)
                .content(body), LEAD_MILANO);
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode agreement = json.readTree(created.getContentAsString());
        long id = agreement.get("id").asLong();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/agreements/" + id);
        assertThat(agreement.get("parties")).hasSize(2);

        // operators read but do not write; another network's lead is refused
        assertThat(send(get("/api/v1/agreements/" + id), TestActors.operator("ghedi")).getStatus()).isEqualTo(200);
        assertThat(send(post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON).content(body),
                TestActors.operator("milano")).getStatus()).isEqualTo(403);
        String changed = json.writeValueAsString(Map.of("kind", "CO_DESIGN", "title", "Co-progettazione L2 e lavoro",
                "networkCode", "milano", "partyIds", milanoAndCremasca(), "signedOn", LocalDate.now().toString(),
                "validFrom", LocalDate.now().toString(), "version", 0));
        assertThat(send(put("/api/v1/agreements/" + id).contentType(MediaType.APPLICATION_JSON).content(changed),
                LEAD_CREMASCA).getStatus()).isEqualTo(403);
        assertThat(send(put("/api/v1/agreements/" + id).contentType(MediaType.APPLICATION_JSON).content(changed),
                LEAD_MILANO).getStatus()).isEqualTo(200);
        assertThat(send(put("/api/v1/agreements/" + id).contentType(MediaType.APPLICATION_JSON).content(changed),
                LEAD_MILANO).getStatus()).isEqualTo(409);
        assertThat(send(get("/api/v1/agreements/" + (id + 1000)), LEAD_MILANO).getStatus()).isEqualTo(404);

        MockHttpServletResponse invalid = send(post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("kind", "SERVICE", "title", "Convenzione",
                        "partyIds", List.of(ReferralFixtures.lead(jdbc, "milano")),
                        "signedOn", LocalDate.now().toString(), "validFrom", LocalDate.now().toString()))),
                TestActors.coordinator());
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(json.readTree(invalid.getContentAsString()).at("/errors/0/field").asString()).isEqualTo("partyIds");

        JsonNode list = json.readTree(send(get("/api/v1/agreements?network=milano&kind=CO_DESIGN"),
                TestActors.evaluator()).getContentAsString());
        // other tests may leave agreements of milano: this one is listed, whatever else is
        assertThat(list.get("items")).extracting(a -> a.get("title").asString())
                .contains("Co-progettazione L2 e lavoro");
    }

    private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, Actor actor) throws Exception {
        return mvc.perform(request.with(TestActors.as(actor)).with(csrf())).andReturn().getResponse();
    }

    /** A ZIP with the given entries, after a first {@code mimetype} entry when {@code mimetype} is set. */
    private static byte[] zip(Map<String, String> entries, String mimetype) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (mimetype != null) {
                // as OpenDocument requires: the first entry, stored uncompressed
                byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(type.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(type);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(type);
                zip.closeEntry();
            }
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
