package it.labimpact.imports;

import it.labimpact.identity.UserAccount;
import it.labimpact.identity.UserManagement;
import it.labimpact.shared.Actor;
import it.labimpact.shared.RuleViolationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The command-line import of the application jar, for an administrator on the server:
 * <pre>
 * java -jar labimpact.jar --import --network=milano --kind=participants --mode=validate|commit --file=registers.xlsx
 *      --user=operator.account --organisation=ID --consent-notice=N [--report=out.xlsx] [--lang=it|en]
 * </pre>
 * The application starts without its web server, runs the file through {@link Imports} exactly as an upload of the
 * page or the API (same limits, same rules, same job, history and audit trail) as the account named by
 * {@code --user}, which must be allowed to upload for {@code --network}; it prints the job's summary and the first
 * problems, optionally writes the report workbook, and exits with {@link #OK} when every row was accepted (or found
 * present), {@link #REFUSED} when rows or the whole file were refused, {@link #USAGE} when the command itself was
 * wrong (flags, account, network, organisation, consent notice), {@link #FAILED} when the job stopped on an error.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    /** The option that selects the command-line import. */
    public static final String OPTION = "--import";
    /** Set in command-line mode; the web server does not start, {@link Imports} leaves other jobs alone. */
    static final String PROPERTY = "labimpact.imports.command-line";

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int FAILED = 3;

    /** Problems printed at most (the report workbook has them all). */
    static final int PRINTED = 20;

    private static final Set<String> KNOWN = Set.of("import", "network", "kind", "mode", "file", "user",
            "organisation", "consent-notice", "report", "lang");

    private final Imports imports;
    private final UserManagement users;
    private final MessageSource messages;
    private PrintStream out = System.out;
    private int exitCode = OK;

    ImportCommand(Imports imports, UserManagement users, MessageSource messages) {
        this.imports = imports;
        this.users = users;
        this.messages = messages;
    }

    /** Whether the arguments ask for the command-line import. */
    public static boolean requested(String... args) {
        return List.of(args).contains(OPTION);
    }

    /**
     * Starts the application without a web server, runs the import and closes it; returns the exit code.
     * Application properties may be passed as usual ({@code --spring.datasource.url=...}).
     */
    public static int main(Class<?> application, String... args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                // defaults: no demo data is loaded by an import, whatever the database; beans are created when
                // needed, so that the pages' controllers and renderers, which need a web server, never are
                .properties(PROPERTY + "=true", "labimpact.demo.enabled=false", "spring.main.banner-mode=off",
                        "spring.main.lazy-initialization=true")
                .run(args);
        return SpringApplication.exit(context);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("import")) {
            return;
        }
        exitCode = execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** For the tests: where the summary goes. */
    void printTo(PrintStream stream) {
        this.out = stream;
    }

    int execute(ApplicationArguments args) {
        Options o;
        try {
            o = Options.of(args);
        } catch (IllegalArgumentException e) {
            out.println("import: " + e.getMessage());
            out.println(usage());
            return USAGE;
        }
        UserAccount account = users.account(o.user()).orElse(null);
        if (account == null || !account.enabled() || account.locked()) {
            out.println("import: no enabled account '" + o.user() + "'");
            return USAGE;
        }
        Actor actor = account.actor();
        if (!Imports.canUpload(actor)) {
            out.println("import: account '" + o.user() + "' (" + actor.role()
                    + ") may not upload: only operators and network leads of a network do");
            return USAGE;
        }
        if (!o.network().equals(actor.networkCode())) {
            out.println("import: account '" + o.user() + "' uploads for network '" + actor.networkCode()
                    + "', not '" + o.network() + "'");
            return USAGE;
        }
        byte[] file;
        try {
            file = Files.readAllBytes(o.file());
        } catch (IOException e) {
            out.println("import: cannot read " + o.file() + ": " + e.getMessage());
            return USAGE;
        }
        int[] code = {FAILED};
        Actor.runAs(actor, () -> code[0] = importAs(o, file));
        return code[0];
    }

    private int importAs(Options o, byte[] file) {
        ImportJob job;
        try {
            job = imports.start(o.kind(), o.mode(), o.file().getFileName().toString(), file, o.organisation(),
                    o.consentNotice());
        } catch (RuleViolationException e) {
            out.println("import: " + (e.field() == null ? "" : e.field() + ": ")
                    + message(e.messageKey(), e.args(), o.locale()));
            return USAGE;
        } catch (AccessDeniedException e) {
            out.println("import: " + e.getMessage());
            return USAGE;
        }
        out.println("import: job " + job.id() + " started (" + job.kind() + ", " + job.mode() + ", " + job.fileName()
                + ", sha256 " + job.sha256() + ")");
        job = await(job.id());
        print(job, imports.notes(job.id()), o.locale());
        if (o.report() != null) {
            try {
                Files.write(o.report(), imports.reportWorkbook(job.id(), o.locale()));
                out.println("import: report written to " + o.report());
            } catch (IOException e) {
                out.println("import: cannot write the report " + o.report() + ": " + e.getMessage());
            }
        }
        return switch (job.status()) {
            case VALIDATED, COMMITTED -> OK;
            case INVALID, REJECTED -> REFUSED;
            default -> FAILED;
        };
    }

    private ImportJob await(long id) {
        int lastPercent = -1;
        while (true) {
            ImportJob job = imports.job(id);
            if (job.status().finished()) {
                return job;
            }
            if (job.percent() / 10 != lastPercent / 10 && job.rowsTotal() > 0) {
                lastPercent = job.percent();
                out.println("import: " + job.rowsDone() + " / " + job.rowsTotal() + " rows");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for job " + id, e);
            }
        }
    }

    private void print(ImportJob job, List<ImportNote> notes, Locale locale) {
        out.println("import: job " + job.id() + " " + job.status() + ": " + job.rowsTotal() + " rows, "
                + job.rowsAccepted() + " accepted, " + job.rowsPresent() + " already present, " + job.rowsRejected()
                + " refused");
        if (job.problemKey() != null) {
            out.println("import: " + message(job.problemKey(), job.problemArgs(), locale));
        }
        List<ImportNote> refused = notes.stream().filter(n -> n.outcome() == ImportNote.Outcome.REJECTED).toList();
        refused.stream().limit(PRINTED).forEach(n -> out.println("  line " + n.line()
                + (n.column() == null ? "" : ", " + n.column()) + ": "
                + message(n.messageKey(), n.argsArray(), locale)));
        if (refused.size() > PRINTED) {
            out.println("  ... and " + (refused.size() - PRINTED) + " more problems (see --report)");
        }
    }

    private String message(String key, Object[] args, Locale locale) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
    }

    static String usage() {
        return """
                usage: java -jar labimpact.jar --import --network=CODE --kind=KIND --mode=validate|commit
                           --file=FILE.xlsx|.csv --user=ACCOUNT [--organisation=ID] [--consent-notice=VERSION]
                           [--report=OUT.xlsx] [--lang=it|en] [application properties, e.g. --spring.datasource.url=...]
                  --kind          participants (default), attendance, assessments, outcomes, activities
                  --user          the account the import runs as and is audited under: an operator or network lead
                  --network       the account's network (checked)
                  --organisation  participants: the member organisation registering the people (not for
                                  organisation-scoped accounts)
                  --consent-notice participants: the privacy notice version every person in the file accepted
                exit codes: 0 all rows accepted or present, 1 rows or the file refused, 2 wrong command, 3 job failed""";
    }

    /** The command's flags, checked. */
    record Options(String network, ImportKind kind, ImportMode mode, Path file, String user, Long organisation,
            Integer consentNotice, Path report, Locale locale) {

        static Options of(ApplicationArguments args) {
            for (String name : args.getOptionNames()) {
                if (!KNOWN.contains(name) && !name.contains(".")) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            }
            String network = required(args, "network");
            ImportKind kind = parse("kind", one(args, "kind", () -> "participants"),
                    v -> ImportKind.valueOf(v.toUpperCase(Locale.ROOT)));
            ImportMode mode = parse("mode", required(args, "mode"), v -> ImportMode.valueOf(v.toUpperCase(Locale.ROOT)));
            Path file = Path.of(required(args, "file"));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--file: no such file " + file);
            }
            String user = required(args, "user");
            String org = one(args, "organisation", () -> null);
            Long organisation = org == null ? null : parse("organisation", org, Long::valueOf);
            String notice = one(args, "consent-notice", () -> null);
            Integer consent = notice == null ? null : parse("consent-notice", notice, Integer::valueOf);
            String report = one(args, "report", () -> null);
            String lang = one(args, "lang", () -> "it");
            if (!Set.of("it", "en").contains(lang)) {
                throw new IllegalArgumentException("--lang: it or en");
            }
            return new Options(network, kind, mode, file, user, organisation, consent,
                    report == null ? null : Path.of(report), Locale.forLanguageTag(lang));
        }

        private static String required(ApplicationArguments args, String name) {
            String value = one(args, name, () -> null);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value.strip();
        }

        private static String one(ApplicationArguments args, String name, Supplier<String> otherwise) {
            List<String> values = args.getOptionValues(name);
            if (values == null || values.isEmpty()) {
                return otherwise.get();
            }
            if (values.size() > 1) {
                throw new IllegalArgumentException("--" + name + " given twice");
            }
            return values.get(0);
        }

        private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
            try {
                return parser.apply(value.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + name + ": not valid: " + value);
            }
        }
    }
}
