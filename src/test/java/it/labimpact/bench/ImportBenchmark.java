package it.labimpact.bench;

import it.labimpact.LabImpactApplication;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.imports.ImportJob;
import it.labimpact.imports.ImportKind;
import it.labimpact.imports.ImportMode;
import it.labimpact.imports.Imports;
import it.labimpact.participant.TaxCodes;
import it.labimpact.shared.Actor;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The import benchmark (issue 5, "import throughput"): a realistic participants+enrolments file of {@code --rows}
 * rows (deterministic), validated then committed through {@link Imports} exactly as an upload, next to a plain
 * {@code COPY} of the same rows into an unindexed table, measured in the same run on the same database.
 *
 * <p>Starts the application without a web server against a fresh embedded PostgreSQL (a temporary folder: nothing
 * kept), creates 40 activities of the Milano network, then: a profile of a small prefix of the file (statements by
 * kind, savepoints, time in the database against the whole), the {@code COPY}, the validation, the commit, and the
 * {@code COPY} again on the now larger database. Writes {@code bench/out/imports-<rows>.md}. Run it with
 * {@code bench/imports.sh}; it is not a test.
 */
public final class ImportBenchmark {

    static final DateTimeFormatter ITALIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String HEADER = "Cognome;Nome;Sesso;Data di nascita;Paese di nascita;Cittadinanza;Codice fiscale;"
            + "Comune di residenza;Data primo contatto;Telefono;Email;ID attività;Data iscrizione";
    static final Actor OPERATOR = new Actor(4, "bench.operatore.milano", "Bench operator", Role.OPERATOR,
            ScopeType.NETWORK, "milano", null);

    private final int rows;
    private final String format;
    private final int profileRows;
    private final long seed;
    private final StringBuilder report = new StringBuilder();

    private ImportBenchmark(Map<String, String> args) {
        this.rows = Integer.parseInt(args.getOrDefault("rows", "100000"));
        this.format = args.getOrDefault("format", "csv");
        this.profileRows = Integer.parseInt(args.getOrDefault("profile-rows", "2000"));
        this.seed = Long.parseLong(args.getOrDefault("seed", "20261126"));
        if (!List.of("csv", "xlsx").contains(format)) {
            throw new IllegalArgumentException("--format csv|xlsx");
        }
    }

    /** {@code --rows N} {@code --format csv|xlsx} {@code --profile-rows N} (0: no profile) {@code --seed S}. */
    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        System.exit(new ImportBenchmark(args).run());
    }

    private int run() throws Exception {
        Path tmp = Files.createTempDirectory("import-bench");
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        progress("machine: %s; load %s", machine(), loadBefore);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LabImpactApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new Profiler()))
                .run("--labimpact.embedded-db.ephemeral=true",
                        "--labimpact.demo.enabled=false",
                        "--labimpact.vault.generate-if-missing=true",
                        "--labimpact.vault.key-dir=" + tmp.resolve("keys"),
                        "--labimpact.imports.max-rows=" + Math.max(rows, 20000),
                        "--labimpact.imports.max-file-bytes=" + 512L * 1024 * 1024,
                        // as the command-line import: no web server, beans created when needed
                        "--spring.main.lazy-initialization=true",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        progress("started in %.1f s (fresh embedded database, migrations)", seconds(System.nanoTime() - t0));
        try {
            DataSource ds = ctx.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(ds);
            Imports imports = ctx.getBean(Imports.class);
            long organisation = jdbc.sql("select lead_organisation_id from partnership_network where code = 'milano'")
                    .query(Long.class).single();
            int notice = jdbc.sql("select max(version) from participant_privacy_notice").query(Integer.class).single();
            List<Long> activities = activities(ctx.getBean(ActivityManagement.class), organisation);
            List<String> comuni = jdbc.sql("select istat_code from territory_comune where istat_code like '015%'"
                    + " order by istat_code").query(String.class).list();

            List<String> lines = lines(rows, activities, comuni);
            byte[] csv = csv(lines);
            byte[] file = format.equals("csv") ? csv : xlsx(lines);
            progress("file: %,d rows, %s, %,d bytes, sha256 %s", rows, format, file.length, sha256(file));

            header(file, loadBefore);
            if (profileRows > 0) {
                profile(imports, organisation, notice, lines.subList(0, Math.min(profileRows, rows)));
            }
            double copyBefore = copy(ds, csv);
            Map<String, Long> before = counts(jdbc);
            Timed validate = timed(imports, ImportMode.VALIDATE, file, organisation, notice);
            Map<String, Long> validated = counts(jdbc);
            validated.remove("audit_event");
            Map<String, Long> unchanged = new LinkedHashMap<>(before);
            unchanged.remove("audit_event");
            if (!validated.equals(unchanged)) {
                throw new IllegalStateException("the validation wrote rows");
            }
            Timed commit = timed(imports, ImportMode.COMMIT, file, organisation, notice);
            Map<String, Long> after = counts(jdbc);
            double copyAfter = copy(ds, csv);
            double copy = Math.min(copyBefore, copyAfter);
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();

            report.append("\n## Results\n\n| step | time | rows per second | against `COPY` |\n|---|---:|---:|---:|\n");
            row("`COPY` into an unindexed table (before the import)", copyBefore, copy);
            row("`COPY` again (after the import)", copyAfter, copy);
            row("validate (dry run, rolled back)", validate.seconds, copy);
            row("commit (one transaction)", commit.seconds, copy);
            report.append(String.format(Locale.ROOT, "%nValidate: %s. Commit: %s.%n", validate.job, commit.job));
            report.append(String.format(Locale.ROOT, "%nJVM CPU time: validate %.1f s, commit %.1f s "
                    + "(PostgreSQL runs in its own processes).%n", validate.cpu, commit.cpu));
            report.append("\nRows written by the commit: ");
            after.forEach((k, v) -> report.append(k).append(" +").append(String.format(Locale.ROOT, "%,d",
                    v - before.get(k))).append("; "));
            report.append("\n\nLoad average before: `").append(loadBefore).append("`, after: `").append(loadAfter)
                    .append("`.\n");
            progress("COPY %.2f s / %.2f s; validate %.1f s (%.0f×); commit %.1f s (%.0f×)", copyBefore, copyAfter,
                    validate.seconds, validate.seconds / copy, commit.seconds, commit.seconds / copy);
            Path out = Path.of("bench", "out");
            Files.createDirectories(out);
            Path written = out.resolve("imports-" + rows + ".md");
            Files.writeString(written, report);
            progress("report written to %s", written);
            return commit.job.contains("COMMITTED") ? 0 : 1;
        } finally {
            ctx.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------- data

    private static List<Long> activities(ActivityManagement management, long lead) {
        List<Long> ids = new ArrayList<>();
        Actor coordinator = new Actor(1, "bench.coordinator", "Bench", Role.COORDINATOR, ScopeType.PROJECT, null,
                null);
        Actor.runAs(coordinator, () -> {
            LocalDate start = LocalDate.now().minusDays(400);
            for (int i = 0; i < 40; i++) {
                ids.add(management.create(new ActivityData("Corso di italiano L2 – gruppo " + (i + 1), "ITALIAN_L2",
                        "milano", lead, List.of(), "015146", null, start.plusDays(i), LocalDate.now().plusDays(120),
                        new BigDecimal("80"), List.of("it"), null, null, null, ActivityStatus.ONGOING, null)));
            }
        });
        return ids;
    }

    /** A community of people from one country: names, the Belfiore code of the country, its weight. */
    private record Community(String country, String belfiore, int weight, String[] surnames, String[] women,
            String[] men) {
    }

    private static final List<Community> COMMUNITIES = List.of(
            new Community("MA", "Z330", 14, new String[] {"El Amrani", "Benali", "Ouahbi", "Bennani", "Alaoui",
                "Tazi", "Idrissi", "Berrada", "Chraibi", "El Fassi", "Lahlou", "Ziani", "Haddad", "Belkadi",
                "Amrani", "Bouzid", "Kettani", "Naciri", "Ouazzani", "Sabri"}, new String[] {"Fatima", "Khadija",
                "Amina", "Salma", "Imane", "Hanane", "Nadia", "Samira", "Latifa", "Zineb", "Meryem", "Souad"},
                new String[] {"Mohamed", "Youssef", "Ahmed", "Hassan", "Said", "Rachid", "Omar", "Karim", "Mustapha",
                    "Abdelkader", "Hamza", "Anas"}),
            new Community("EG", "Z336", 14, new String[] {"Mohamed", "Ahmed", "Hassan", "Ali", "Ibrahim", "Mahmoud",
                "Mostafa", "Abdelrahman", "Saad", "Farouk", "Kamal", "Youssef", "Salem", "Nasser", "Hamdy",
                "Shehata", "Gaber", "Fathy", "Ragab", "Soliman"}, new String[] {"Mona", "Heba", "Aya", "Nour",
                "Mariam", "Yasmin", "Rania", "Dina", "Sara", "Fatma", "Shaimaa", "Eman"}, new String[] {"Ahmed",
                "Mohamed", "Mahmoud", "Mostafa", "Karim", "Omar", "Khaled", "Tarek", "Hany", "Amr", "Sherif",
                "Walid"}),
            new Community("AL", "Z100", 9, new String[] {"Hoxha", "Shehu", "Leka", "Gjoka", "Kola", "Dervishi",
                "Muca", "Cela", "Basha", "Marku", "Prifti", "Bregu", "Hysa", "Krasniqi", "Zeneli", "Lika", "Rama",
                "Duka", "Meta", "Topalli"}, new String[] {"Elona", "Arta", "Blerta", "Anila", "Ermira", "Jonida",
                "Klea", "Mirela", "Rudina", "Valbona", "Eni", "Besa"}, new String[] {"Arben", "Besnik", "Dritan",
                "Ermal", "Gentian", "Ilir", "Klodian", "Luan", "Mariglen", "Olsi", "Sokol", "Tirana"}),
            new Community("CN", "Z210", 9, new String[] {"Hu", "Chen", "Zhou", "Wang", "Zhang", "Lin", "Huang",
                "Xu", "Wu", "Ye", "Li", "Zheng", "Jin", "Pan", "Ji", "Yang", "Liu", "Zhu", "Lu", "Dong"},
                new String[] {"Xiaoling", "Meiling", "Jing", "Yan", "Hui", "Li Na", "Xiu Ying", "Fang", "Ying",
                    "Lan", "Qing", "Min"}, new String[] {"Wei", "Jian", "Lei", "Qiang", "Jun", "Yong", "Hao",
                    "Bin", "Tao", "Ming", "Zhi Wei", "Xin"}),
            new Community("PH", "Z216", 8, new String[] {"Santos", "Reyes", "Cruz", "Bautista", "Garcia",
                "Mendoza", "Ramos", "Aquino", "Castillo", "Villanueva", "Dela Cruz", "Gonzales", "Torres",
                "Flores", "Navarro", "Domingo", "Salazar", "Soriano", "Manalo", "Pascual"}, new String[] {"Maria",
                "Rosalie", "Jocelyn", "Marites", "Analyn", "Liza", "Cristina", "Joy", "Rowena", "Maricel", "Gemma",
                "Lorna"}, new String[] {"Jose", "Mark", "John Paul", "Rodel", "Jericho", "Ramon", "Eduardo",
                "Christian", "Arnel", "Romeo", "Nestor", "Dennis"}),
            new Community("UA", "Z138", 7, new String[] {"Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko",
                "Kravchenko", "Oliynyk", "Melnyk", "Boyko", "Koval", "Polishchuk", "Moroz", "Lysenko", "Marchenko",
                "Rudenko", "Savchenko", "Petrenko", "Klymenko", "Pavlenko", "Kuzmenko", "Levchenko"},
                new String[] {"Olena", "Iryna", "Nataliia", "Tetiana", "Oksana", "Svitlana", "Yuliia", "Halyna",
                    "Mariia", "Anastasiia", "Liudmyla", "Kateryna"}, new String[] {"Oleksandr", "Serhii",
                    "Andrii", "Volodymyr", "Mykola", "Ivan", "Dmytro", "Yurii", "Vasyl", "Oleh", "Taras",
                    "Bohdan"}),
            new Community("IN", "Z222", 6, new String[] {"Singh", "Kaur", "Kumar", "Sharma", "Gill", "Sandhu",
                "Sidhu", "Dhillon", "Patel", "Grewal", "Brar", "Virk", "Mann", "Bains", "Sekhon", "Chahal",
                "Randhawa", "Bajwa", "Cheema", "Kang"}, new String[] {"Harpreet", "Manpreet", "Gurpreet",
                "Jaspreet", "Simran", "Amandeep", "Navneet", "Rajwinder", "Kulwinder", "Sukhwinder", "Priya",
                "Anjali"}, new String[] {"Gurpreet", "Harjit", "Jaswinder", "Manjit", "Paramjit", "Rajinder",
                "Sukhdev", "Baljit", "Hardeep", "Kuldeep", "Amrit", "Ravi"}),
            new Community("PK", "Z236", 5, new String[] {"Khan", "Ahmed", "Ali", "Hussain", "Iqbal", "Butt",
                "Malik", "Shah", "Raza", "Akhtar", "Aslam", "Bashir", "Chaudhry", "Javed", "Mahmood", "Nawaz",
                "Qureshi", "Rana", "Sadiq", "Tariq"}, new String[] {"Ayesha", "Fatima", "Sana", "Hina", "Rabia",
                "Nazia", "Saima", "Bushra", "Farah", "Mehwish", "Sadia", "Uzma"}, new String[] {"Muhammad",
                "Ali", "Imran", "Asif", "Bilal", "Faisal", "Kashif", "Naveed", "Shahid", "Usman", "Zeeshan",
                "Adnan"}),
            new Community("PE", "Z611", 6, new String[] {"Quispe", "Flores", "Huaman", "Rojas", "Mamani",
                "Sanchez", "Chavez", "Ramirez", "Torres", "Vargas", "Mendoza", "Gutierrez", "Castillo", "Diaz",
                "Espinoza", "Vasquez", "Cruz", "Ccahuana", "Condori", "Paredes"}, new String[] {"Rosa", "Maria",
                "Carmen", "Juana", "Luz", "Milagros", "Gladys", "Yolanda", "Elizabeth", "Pilar", "Sonia",
                "Rocio"}, new String[] {"Jose", "Juan", "Luis", "Carlos", "Jorge", "Cesar", "Victor", "Miguel",
                "Wilmer", "Edwin", "Raul", "Alberto"}),
            new Community("SN", "Z343", 5, new String[] {"Ndiaye", "Diop", "Fall", "Sow", "Gueye", "Ba", "Diallo",
                "Faye", "Mbaye", "Sarr", "Cisse", "Sy", "Niang", "Seck", "Thiam", "Kane", "Diouf", "Mbengue",
                "Toure", "Sall"}, new String[] {"Awa", "Fatou", "Aminata", "Mariama", "Khady", "Ndeye", "Astou",
                "Coumba", "Bineta", "Sokhna", "Adama", "Rokhaya"}, new String[] {"Mamadou", "Moussa", "Ibrahima",
                "Abdoulaye", "Ousmane", "Cheikh", "Modou", "Alioune", "Babacar", "Pape", "Serigne", "Lamine"}),
            new Community("LK", "Z209", 5, new String[] {"Perera", "Fernando", "De Silva", "Jayasuriya",
                "Wickramasinghe", "Gunawardena", "Rajapaksa", "Dissanayake", "Bandara", "Herath", "Kumara",
                "Wijesinghe", "Mendis", "Peiris", "Ranasinghe", "Senanayake", "Silva", "Weerasinghe", "Gamage",
                "Liyanage"}, new String[] {"Nirmala", "Dilani", "Chamari", "Kumudini", "Sandya", "Nadeesha",
                "Thilini", "Ishara", "Madhavi", "Sewwandi", "Anusha", "Chathurika"}, new String[] {"Nuwan",
                "Chaminda", "Sampath", "Ruwan", "Kasun", "Tharindu", "Lahiru", "Dinesh", "Mahesh", "Pradeep",
                "Asanka", "Roshan"}),
            new Community("BD", "Z249", 4, new String[] {"Hossain", "Rahman", "Islam", "Ahmed", "Uddin", "Miah",
                "Khan", "Alam", "Akter", "Begum", "Chowdhury", "Sarkar", "Haque", "Karim", "Mondal", "Sheikh",
                "Talukder", "Bhuiyan", "Mahmud", "Kabir"}, new String[] {"Nasrin", "Shirin", "Sumaiya", "Rupa",
                "Taslima", "Farzana", "Jannat", "Roksana", "Shapla", "Mim", "Sathi", "Lipi"}, new String[] {"Md",
                "Abdul", "Rafiq", "Shafiq", "Jahangir", "Kamrul", "Masud", "Rubel", "Sohel", "Shahin", "Mizan",
                "Sumon"}),
            new Community("EC", "Z605", 4, new String[] {"Guaman", "Cevallos", "Zambrano", "Andrade", "Vera",
                "Moreira", "Macias", "Cedeno", "Intriago", "Pazmino", "Sanchez", "Ortiz", "Jaramillo", "Loor",
                "Alvarado", "Bravo", "Ponce", "Mora", "Villacis", "Salazar"}, new String[] {"Maria", "Gabriela",
                "Veronica", "Diana", "Jessica", "Paola", "Lorena", "Mayra", "Karina", "Johanna", "Andrea",
                "Viviana"}, new String[] {"Jorge", "Luis", "Carlos", "Fernando", "Patricio", "Edison", "Byron",
                "Wilson", "Fabian", "Diego", "Javier", "Marco"}),
            new Community("NG", "Z335", 4, new String[] {"Okafor", "Adeyemi", "Okonkwo", "Eze", "Bello",
                "Ogunleye", "Nwachukwu", "Ibrahim", "Okoro", "Adebayo", "Obi", "Uche", "Chukwu", "Ogbonna",
                "Olawale", "Oyelaran", "Amadi", "Nnamdi", "Ekwueme", "Igwe"}, new String[] {"Blessing", "Joy",
                "Precious", "Chioma", "Ngozi", "Funmilayo", "Adaeze", "Esther", "Grace", "Peace", "Favour",
                "Mercy"}, new String[] {"Emmanuel", "Chinedu", "Oluwaseun", "Ibrahim", "Samuel", "Godwin",
                "Friday", "Sunday", "Chukwuemeka", "Uchenna", "Tunde", "Kingsley"}));

    /** One person of the synthetic file. */
    private record Person(String surname, String given, String sex, LocalDate birth, String country,
            String taxCode, String comune, LocalDate firstContact, String phone, String email) {
    }

    /**
     * The rows: about 95% new people, one enrolment each (one in ten without an activity); the rest enrol an earlier
     * row's person in a second activity (the same identity, as an operator writes it again), enrolled in the last
     * month. Four in ten carry a
     * tax code, one in two a phone, one in five an email; residence Milano for four in ten, otherwise a comune of
     * the province.
     */
    private List<String> lines(int count, List<Long> activities, List<String> comuni) {
        Random random = new Random(seed);
        int totalWeight = COMMUNITIES.stream().mapToInt(Community::weight).sum();
        LocalDate today = LocalDate.now();
        List<Person> people = new ArrayList<>();
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Person p;
            if (!people.isEmpty() && random.nextInt(100) < 5) {
                p = people.get(random.nextInt(people.size()));
            } else {
                int pick = random.nextInt(totalWeight);
                Community c = COMMUNITIES.get(0);
                for (Community candidate : COMMUNITIES) {
                    if (pick < candidate.weight()) {
                        c = candidate;
                        break;
                    }
                    pick -= candidate.weight();
                }
                boolean woman = random.nextInt(100) < 55;
                String surname = c.surnames()[random.nextInt(c.surnames().length)];
                String[] givens = woman ? c.women() : c.men();
                String given = givens[random.nextInt(givens.length)];
                if (random.nextInt(3) == 0) {
                    given = given + " " + givens[random.nextInt(givens.length)];
                }
                LocalDate birth = today.minusYears(18 + random.nextInt(47)).minusDays(random.nextInt(365));
                LocalDate contact = today.minusDays(30 + random.nextInt(330));
                String code = random.nextInt(10) < 4 ? taxCode(surname, given, woman, birth, c.belfiore()) : "";
                String comune = random.nextInt(10) < 4 ? "015146" : comuni.get(random.nextInt(comuni.size()));
                String phone = random.nextBoolean() ? "+39 3" + (10 + random.nextInt(90)) + " "
                        + (1000000 + random.nextInt(9000000)) : "";
                String email = random.nextInt(5) == 0 ? (HexFormat.of().toHexDigits(random.nextInt()) + "@example.org")
                        : "";
                p = new Person(surname, given, woman ? "F" : "M", birth, c.country(), code, comune, contact, phone,
                        email);
                people.add(p);
            }
            String activity = "";
            String enrolled = "";
            if (random.nextInt(10) != 0) {
                activity = String.valueOf(activities.get(random.nextInt(activities.size())));
                // in the last month: after the first contact of every record (first contacts are older), also of
                // a homonym born the same day whom the network holds already and whose row is "already present"
                enrolled = today.minusDays(random.nextInt(30)).format(ITALIAN);
            }
            lines.add(String.join(";", p.surname(), p.given(), p.sex(), p.birth().format(ITALIAN), p.country(),
                    p.country(), p.taxCode(), p.comune(), p.firstContact().format(ITALIAN), p.phone(), p.email(),
                    activity, enrolled));
        }
        return lines;
    }

    private static String taxCode(String surname, String given, boolean woman, LocalDate birth, String belfiore) {
        String first15 = letters(surname, false) + letters(given, true)
                + String.format(Locale.ROOT, "%02d", birth.getYear() % 100) + "ABCDEHLMPRST".charAt(
                        birth.getMonthValue() - 1)
                + String.format(Locale.ROOT, "%02d", birth.getDayOfMonth() + (woman ? 40 : 0)) + belfiore;
        return TaxCodes.personal(first15);
    }

    /** The three letters of a name in a tax code (consonants, then vowels, then X). */
    private static String letters(String name, boolean given) {
        String up = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        String consonants = up.replaceAll("[AEIOU]", "");
        String vowels = up.replaceAll("[^AEIOU]", "");
        if (given && consonants.length() >= 4) {
            return "" + consonants.charAt(0) + consonants.charAt(2) + consonants.charAt(3);
        }
        return (consonants + vowels + "XXX").substring(0, 3);
    }

    private static byte[] csv(List<String> lines) {
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        lines.forEach(l -> text.append(l).append("\r\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<String> lines) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000)) {
            var sheet = workbook.createSheet("Partecipanti");
            write(sheet.createRow(0), HEADER);
            for (int i = 0; i < lines.size(); i++) {
                write(sheet.createRow(i + 1), lines.get(i));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void write(org.apache.poi.ss.usermodel.Row row, String line) {
        String[] cells = line.split(";", -1);
        for (int c = 0; c < cells.length; c++) {
            row.createCell(c).setCellValue(cells[c]);
        }
    }

    // ---------------------------------------------------------------------------------------------------- timing

    private record Timed(double seconds, double cpu, String job) {
    }

    private Timed timed(Imports imports, ImportMode mode, byte[] file, long organisation, int notice)
            throws InterruptedException {
        progress("%s: starting", mode);
        double cpu0 = cpu();
        long t = System.nanoTime();
        ImportJob job = as(() -> imports.start(ImportKind.PARTICIPANTS, mode, "bench." + format, file, organisation,
                notice));
        int lastPercent = -10;
        while (!job.status().finished()) {
            Thread.sleep(100);
            long id = job.id();
            job = as(() -> imports.job(id));
            if (job.percent() >= lastPercent + 10) {
                lastPercent = job.percent();
                progress("  %s %d%% (%,d rows) after %.1f s", mode, job.percent(), job.rowsDone(),
                        seconds(System.nanoTime() - t));
            }
        }
        double seconds = seconds(System.nanoTime() - t);
        String summary = String.format(Locale.ROOT, "job %d %s: %,d rows, %,d accepted, %,d already present, "
                + "%,d refused%s", job.id(), job.status(), job.rowsTotal(), job.rowsAccepted(), job.rowsPresent(),
                job.rowsRejected(), job.problemKey() == null ? "" : " (" + job.problemKey() + ")");
        progress("%s: %.1f s, %s", mode, seconds, summary);
        if (job.rowsRejected() > 0) {
            long id = job.id();
            as(() -> imports.notes(id)).stream().filter(n -> n.outcome().name().equals("REJECTED")).limit(5)
                    .forEach(n -> progress("  refused line %d %s %s %s", n.line(), n.column(), n.messageKey(),
                            n.args()));
        }
        return new Timed(seconds, cpu() - cpu0, summary);
    }

    /** Plain {@code COPY} of the same rows (the CSV text) into an unindexed table of text columns. */
    private double copy(DataSource ds, byte[] csv) throws SQLException, IOException {
        double best = Double.MAX_VALUE;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_import_copy (surname text, given_names text, sex text,"
                    + " birth_date text, birth_country text, citizenship text, tax_code text, residence text,"
                    + " first_contact text, phone text, email text, activity_id text, enrolled_on text)");
            for (int i = 0; i < 3; i++) {
                s.execute("truncate bench_import_copy");
                long t = System.nanoTime();
                long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_import_copy from stdin"
                        + " (format csv, header true, delimiter ';', encoding 'UTF8')", new ByteArrayInputStream(csv));
                double took = seconds(System.nanoTime() - t);
                progress("COPY %,d rows: %.3f s", copied, took);
                best = Math.min(best, took);
            }
            s.execute("drop table bench_import_copy");
        }
        return best;
    }

    private void row(String step, double seconds, double copy) {
        report.append(String.format(Locale.ROOT, "| %s | %.2f s | %,.0f | %.1f× |%n", step, seconds, rows / seconds,
                seconds / copy));
    }

    // ---------------------------------------------------------------------------------------------------- profile

    private void profile(Imports imports, long organisation, int notice, List<String> sample)
            throws InterruptedException {
        byte[] file = csv(sample);
        Profiler.start();
        long t = System.nanoTime();
        String saved = format;
        Timed timed = timed(imports, ImportMode.VALIDATE, file, organisation, notice);
        double wall = seconds(System.nanoTime() - t);
        Profiler.stop();
        Map<String, long[]> counted = new LinkedHashMap<>(Profiler.COUNTS);
        long statements = counted.entrySet().stream().filter(e -> !e.getKey().startsWith("("))
                .mapToLong(e -> e.getValue()[0]).sum();
        double dbSeconds = counted.values().stream().mapToLong(v -> v[1]).sum() / 1e9;
        report.append(String.format(Locale.ROOT, "%n## Profile: validation of the first %,d rows (%s)%n%n"
                + "%.2f s in all, %.2f s waiting for the database (statements and savepoints); %,d statements, "
                + "%.1f per row.%n%n| statement (first 110 characters) | executions | per row | time |%n"
                + "|---|---:|---:|---:|%n", sample.size(), saved, wall, dbSeconds, statements,
                (double) statements / sample.size()));
        counted.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1])
                .reversed()).limit(40).forEach(e -> report.append(String.format(Locale.ROOT,
                "| `%s` | %,d | %.2f | %.2f s |%n", e.getKey().replace("|", "\\|"), e.getValue()[0],
                (double) e.getValue()[0] / sample.size(), e.getValue()[1] / 1e9)));
        counted.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1])
                .reversed()).limit(15).forEach(e -> progress("  %8.2f s %7d× %s", e.getValue()[1] / 1e9,
                e.getValue()[0], e.getKey()));
        progress("profile: %,d statements for %,d rows (%.1f per row), %.2f s in the database of %.2f s; %s",
                statements, sample.size(), (double) statements / sample.size(), dbSeconds, wall, timed.job);
    }

    /** Counts statements (by their text) and savepoints on every connection of the application's data source. */
    static final class Profiler implements BeanPostProcessor {

        static volatile boolean on;
        static final Map<String, long[]> COUNTS = new ConcurrentHashMap<>();

        static void start() {
            COUNTS.clear();
            on = true;
        }

        static void stop() {
            on = false;
        }

        static void add(String key, long nanos) {
            long[] v = COUNTS.computeIfAbsent(key, k -> new long[2]);
            synchronized (v) {
                v[0]++;
                v[1] += nanos;
            }
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource)) {
                return new DelegatingDataSource(ds) {
                    @Override
                    public Connection getConnection() throws SQLException {
                        return connection(super.getConnection());
                    }
                };
            }
            return bean;
        }

        private static Connection connection(Connection target) {
            InvocationHandler h = (proxy, method, args) -> {
                String name = method.getName();
                boolean timed = on && (name.equals("setSavepoint") || name.equals("releaseSavepoint")
                        || (name.equals("rollback") && args != null) || name.equals("commit"));
                long t = System.nanoTime();
                Object result = invoke(target, method, args);
                if (timed) {
                    add("(" + name + (name.equals("rollback") ? " to savepoint" : "") + ")", System.nanoTime() - t);
                }
                if (result instanceof PreparedStatement ps && name.equals("prepareStatement")) {
                    return statement(ps, (String) args[0]);
                }
                if (result instanceof Statement st && name.equals("createStatement")) {
                    return statement(st, null);
                }
                return result;
            };
            return (Connection) Proxy.newProxyInstance(ImportBenchmark.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, h);
        }

        private static Statement statement(Statement target, String sql) {
            InvocationHandler h = (proxy, method, args) -> {
                String name = method.getName();
                if (on && name.startsWith("execute")) {
                    String text = sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
                    long t = System.nanoTime();
                    Object result = invoke(target, method, args);
                    add(key(text) + (name.equals("executeBatch") ? " [batch]" : ""), System.nanoTime() - t);
                    return result;
                }
                return invoke(target, method, args);
            };
            Class<?> type = target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return (Statement) Proxy.newProxyInstance(ImportBenchmark.class.getClassLoader(), new Class<?>[] {type}, h);
        }

        private static String key(String sql) {
            String flat = sql.replaceAll("\\s+", " ").strip();
            return flat.length() > 110 ? flat.substring(0, 110) : flat;
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private void header(byte[] file, String load) throws IOException {
        report.append("# Import throughput\n\nMachine: ").append(machine()).append("  \nData: ").append(String.format(
                Locale.ROOT, "%,d rows (participants with an optional enrolment, Milano network, 40 activities), "
                        + "%s, %,d bytes, sha256 `%s`, seed %d", rows, format, file.length, sha256(file), seed))
                .append("  \nLoad average at start: `").append(load).append("`\n");
    }

    private static Map<String, Long> counts(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("participant", "participant_vault", "participant_identity",
                "participant_enrolment", "participant_near_key", "participant_match_review", "audit_event")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private static <T> T as(Supplier<T> action) {
        Object[] result = new Object[1];
        Actor.runAs(OPERATOR, () -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").orElse("?");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + " RAM, Java "
                + System.getProperty("java.version");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
        System.out.flush();
    }
}
