package it.labimpact.cooperation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.cooperation.AgreementData;
import it.labimpact.cooperation.AgreementDocument;
import it.labimpact.cooperation.AgreementKind;
import it.labimpact.cooperation.AgreementQuery;
import it.labimpact.cooperation.AgreementView;
import it.labimpact.cooperation.Agreements;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Agreements between organisations. Any logged-in caller reads them; changes carry the {@code version} read, and a
 * stale one answers 409. The document's type is read from its bytes (PDF, ODT, DOCX; 422 otherwise).
 */
@RestController
@RequestMapping("/api/v1/agreements")
@Tag(name = "Agreements",
        description = "Protocols of understanding, co-design and service agreements between organisations")
class AgreementApiController {

    private final Agreements agreements;

    AgreementApiController(Agreements agreements) {
        this.agreements = agreements;
    }

    @GetMapping
    @Operation(summary = "Agreements filtered by network (PROJECT for the project-wide ones), kind, signing "
            + "organisation, text and the day they are in force on")
    PageResponse<AgreementView> list(@RequestParam(required = false) String network,
            @RequestParam(required = false) AgreementKind kind, @RequestParam(required = false) Long organisation,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inForceOn,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return agreements.list(new AgreementQuery(network, kind, organisation, q, inForceOn),
                new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agreement with its parties and the description of its document")
    AgreementView agreement(@PathVariable long id) {
        return agreements.agreement(id);
    }

    @PostMapping
    @Operation(summary = "Records an agreement; answers 201 with the agreement and its address")
    ResponseEntity<AgreementView> create(@Valid @RequestBody AgreementData body) {
        long id = agreements.create(body);
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + id)).body(agreements.agreement(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes an agreement; the body carries the version read (409 when stale)")
    AgreementView update(@PathVariable long id, @Valid @RequestBody AgreementData body) {
        agreements.update(id, body);
        return agreements.agreement(id);
    }

    @PostMapping(path = "/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attaches the signed document (multipart field file) at the version read; replaces the "
            + "previous one")
    AgreementView attach(@PathVariable long id, @RequestParam MultipartFile file, @RequestParam int version)
            throws IOException {
        agreements.attach(id, version, file.getOriginalFilename(), file.getBytes());
        return agreements.agreement(id);
    }

    @GetMapping("/{id}/document")
    @Operation(summary = "The signed document, as an attachment")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        AgreementDocument document = agreements.document(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(document.content());
    }
}
