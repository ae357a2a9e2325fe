package it.labimpact.imports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.imports.ImportJob;
import it.labimpact.imports.ImportKind;
import it.labimpact.imports.ImportMode;
import it.labimpact.imports.ImportNote;
import it.labimpact.imports.Imports;
import it.labimpact.shared.csv.TolerantCsv;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Spreadsheet uploads for machine clients: start a job (answers 202 with the job and its address), poll it until
 * its status is no longer {@code RUNNING}, then read its notes or download the report. Refusals are problem+json.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Uploads from XLSX or CSV of participants and enrolments, attendance, "
        + "assessments, outcomes, activities with sessions: validate, then commit")
class ImportApiController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Imports imports;

    ImportApiController(Imports imports) {
        this.imports = imports;
    }

    /** A job with, once it has ended, its notes (rows refused or already present). */
    record ImportJobResponse(ImportJob job, List<ImportNote> notes) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Starts an upload for the caller's network: kind (PARTICIPANTS by default, ATTENDANCE, "
            + "ASSESSMENTS, OUTCOMES, ACTIVITIES), mode VALIDATE (dry run) or COMMIT (all or nothing); for "
            + "participants, organisationId is the member organisation registering the people, consentNoticeVersion "
            + "the privacy notice they accepted (the current one)")
    ResponseEntity<ImportJobResponse> start(@RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "PARTICIPANTS") ImportKind kind, @RequestParam ImportMode mode,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Integer consentNoticeVersion) {
        ImportJob job = imports.start(kind, mode, file.getOriginalFilename(), TolerantCsv.bytesOf(file),
                organisationId, consentNoticeVersion);
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id()))
                .body(new ImportJobResponse(job, List.of()));
    }

    @GetMapping
    @Operation(summary = "The latest uploads of the caller's network (project-wide callers: of a network, or all)")
    List<ImportJob> history(@RequestParam(required = false) String network) {
        return imports.history(network);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job's progress and counts; once ended, its notes")
    ImportJobResponse job(@PathVariable long id) {
        ImportJob job = imports.job(id);
        return new ImportJobResponse(job, job.status().finished() ? imports.notes(id) : List.of());
    }

    @GetMapping("/{id}/report.xlsx")
    @Operation(summary = "The report as a workbook: the rows with their outcome and problems")
    ResponseEntity<byte[]> report(@PathVariable long id, Locale locale) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("import-" + id + "-report.xlsx").build().toString())
                .body(imports.reportWorkbook(id, locale));
    }
}
