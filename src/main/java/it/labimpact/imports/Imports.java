package it.labimpact.imports;

import it.labimpact.audit.AuditTrail;
import it.labimpact.participant.PrivacyNotices;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import jakarta.annotation.PreDestroy;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Spreadsheet uploads of participants and enrolments: start a job (validate or commit), follow it, read its
 * report, download the template. Network staff (operators, network leads) upload for their own network; every
 * user who may read a network's records sees its history. Jobs run one at a time on a background thread, as the
 * user who started them; the page and the API poll.
 */
@Service
public class Imports {

    private static final Set<Role> UPLOADERS = EnumSet.of(Role.OPERATOR, Role.NETWORK_LEAD);
    private static final Set<Role> READERS = EnumSet.of(Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR,
            Role.ADMIN);
    private static final int HISTORY = 50;

    private final ImportRepository repository;
    private final ImportRunner runner;
    private final HeldFiles files;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final PrivacyNotices notices;
    private final Partnership partnership;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "imports");
        t.setDaemon(true);
        return t;
    });

    Imports(ImportRepository repository, ImportRunner runner, HeldFiles files, AuditTrail audit,
            MessageSource messages, PrivacyNotices notices, Partnership partnership) {
        this.repository = repository;
        this.runner = runner;
        this.files = files;
        this.audit = audit;
        this.messages = messages;
        this.notices = notices;
        this.partnership = partnership;
    }

    /** Whether the actor may upload (network staff of a network). */
    public static boolean canUpload(Actor actor) {
        return UPLOADERS.contains(actor.role()) && actor.networkCode() != null;
    }

    /**
     * Starts a job on {@code file} for the actor's network and returns it while it runs.
     *
     * @param organisationId for participants: the member organisation registering them (an organisation-scoped
     *     operator's own is used whatever is given)
     * @param consentNoticeVersion for participants: the privacy notice every person in the file accepted (the
     *     current one)
     */
    public ImportJob start(ImportKind kind, ImportMode mode, String fileName, byte[] file, Long organisationId,
            Integer consentNoticeVersion) {
        Actor actor = Actor.require();
        if (!canUpload(actor)) {
            throw new AccessDeniedException("Only network staff upload, for their own network");
        }
        if (kind == null) {
            throw new RuleViolationException("kind", "imports.kind.required");
        }
        if (mode == null) {
            throw new RuleViolationException("mode", "imports.mode.required");
        }
        if (file == null || file.length == 0) {
            throw new RuleViolationException("file", "imports.file.required");
        }
        Long organisation = null;
        Integer notice = null;
        if (kind == ImportKind.PARTICIPANTS) {
            organisation = actor.scope() == ScopeType.ORGANISATION ? actor.organisationId() : organisationId;
            notice = consentNoticeVersion;
            checkRegistration(actor, organisation, notice);
        }
        String name = fileName == null || fileName.isBlank() ? "upload" : strip(fileName);
        String sha = sha256(file);
        long id = repository.insert(actor.networkCode(), actor.username(), kind, mode, name, sha, file.length);
        audit.record("imports.start", "imports_job", id, Map.of("kind", kind.name(), "mode", mode.name(),
                "file", name, "sha256", sha, "bytes", file.length));
        files.hold(id, new HeldFiles.Upload(file, organisation, notice));
        ImportRunner.Request request = new ImportRunner.Request(id, kind, mode, organisation, notice);
        executor.execute(() -> Actor.runAs(actor, () -> runner.run(request, file)));
        return repository.find(id).orElseThrow();
    }

    /** The organisation registering the people of a participants file, and the notice they accepted. */
    private void checkRegistration(Actor actor, Long organisation, Integer consentNoticeVersion) {
        if (organisation == null) {
            throw new RuleViolationException("organisationId", "participant.organisation.required");
        }
        if (consentNoticeVersion == null) {
            throw new RuleViolationException("consentNoticeVersion", "participant.consent.required");
        }
        // refused here once rather than on every row of the file
        if (consentNoticeVersion != notices.current(Locale.ITALIAN).version()) {
            throw new RuleViolationException("consentNoticeVersion", "participant.consent.outdated");
        }
        long member = organisation;
        if (partnership.network(actor.networkCode()).stream().flatMap(n -> n.members().stream())
                .noneMatch(m -> m.organisationId() == member && m.active())) {
            throw new RuleViolationException("organisationId", "participant.organisation.notMember");
        }
    }

    /** A job the actor may see ({@link RecordNotFoundException} otherwise, also for another network's). */
    public ImportJob job(long id) {
        Actor actor = reader();
        return repository.find(id).filter(j -> actor.canRead(j.networkCode()))
                .orElseThrow(() -> new RecordNotFoundException("import", id));
    }

    /** The report of a job: refused rows with their reasons, and rows skipped as already present. */
    public List<ImportNote> notes(long id) {
        return repository.notes(job(id).id());
    }

    /** The latest jobs of the actor's network (project-wide actors: of {@code network}, or all when blank). */
    public List<ImportJob> history(String network) {
        Actor actor = reader();
        String scoped = actor.seesWholeProject() ? (network == null || network.isBlank() ? null : network)
                : actor.networkCode();
        return repository.history(scoped, HISTORY);
    }

    /**
     * The report as a workbook: for the user who uploaded the file, while it is held, the original rows with the
     * outcome and the problems beside them; otherwise the problems alone (line, column, reason).
     */
    public byte[] reportWorkbook(long id, Locale locale) {
        ImportJob job = job(id);
        Optional<byte[]> original = held(job).map(HeldFiles.Upload::bytes);
        return ReportWorkbook.write(job, runner.handler(job.kind()).columns(), repository.notes(id), original, locale,
                messages);
    }

    /**
     * Commits the file of a validated job without a new upload, while it is held and for the user who uploaded it;
     * returns the new job.
     */
    public ImportJob commit(long validatedJobId) {
        ImportJob validated = job(validatedJobId);
        if (validated.status() != ImportStatus.VALIDATED) {
            throw new RuleViolationException(null, "imports.commit.notValidated");
        }
        HeldFiles.Upload upload = held(validated)
                .orElseThrow(() -> new RuleViolationException(null, "imports.commit.expired"));
        return start(validated.kind(), ImportMode.COMMIT, validated.fileName(), upload.bytes(),
                upload.organisationId(), upload.consentNoticeVersion());
    }

    /** Whether the actor can commit a job's file without uploading it again. */
    public boolean canCommit(ImportJob job) {
        return job.status() == ImportStatus.VALIDATED && held(job).isPresent();
    }

    /** The participants template to fill in, with the column names of {@code locale} (Italian unless English). */
    public byte[] template(Locale locale) {
        return template(ImportKind.PARTICIPANTS, locale);
    }

    /** The template of a kind of file, with the column names of {@code locale} (Italian unless English). */
    public byte[] template(ImportKind kind, Locale locale) {
        return TemplateWorkbook.write(runner.handler(kind), locale, messages);
    }

    /** The participants columns as CSV ({@code ;}-separated, UTF-8). */
    public byte[] templateCsv(Locale locale) {
        return templateCsv(ImportKind.PARTICIPANTS, locale);
    }

    /** The same columns as the template of a kind, as CSV ({@code ;}-separated, UTF-8). */
    public byte[] templateCsv(ImportKind kind, Locale locale) {
        return TemplateWorkbook.csv(runner.handler(kind), locale);
    }

    /** The file name (without extension) of a kind's template in a language. */
    public String templateName(ImportKind kind, Locale locale) {
        return runner.handler(kind).templateName(locale);
    }

    /** The held upload of a job, for the user who uploaded it only. */
    private Optional<HeldFiles.Upload> held(ImportJob job) {
        return job.username().equals(Actor.require().username()) ? files.get(job.id()) : Optional.empty();
    }

    /** Marks jobs left running by a stopped process as failed: their transaction never committed. */
    @EventListener(ApplicationReadyEvent.class)
    void failAbandoned() {
        repository.failAbandoned();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static Actor reader() {
        Actor actor = Actor.require();
        if (!READERS.contains(actor.role())) {
            throw new AccessDeniedException("Role " + actor.role() + " does not see imports");
        }
        return actor;
    }

    private static String strip(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
