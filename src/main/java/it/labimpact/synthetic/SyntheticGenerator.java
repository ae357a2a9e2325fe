package it.labimpact.synthetic;

import it.labimpact.activity.ActivityBulkLoad;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.participant.AssessmentInstrument;
import it.labimpact.participant.AssessmentKind;
import it.labimpact.participant.AssessmentPhase;
import it.labimpact.participant.CertificationBody;
import it.labimpact.participant.EmploymentStatus;
import it.labimpact.participant.EnrolmentStatus;
import it.labimpact.participant.OutcomeType;
import it.labimpact.participant.ParticipantBulkLoad;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.PermitType;
import it.labimpact.participant.Sex;
import it.labimpact.participant.SurveyAnswers;
import it.labimpact.participant.TaxCode;
import it.labimpact.participant.Vulnerability;
import it.labimpact.partnership.MembershipRole;
import it.labimpact.partnership.OrganisationKind;
import it.labimpact.partnership.PartnershipBulkLoad;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Draws the synthetic data set from a seed: the same seed, size, day and starting data give the same rows. One
 * {@link SplittableRandom} draws everything in a fixed order, except each participant record, drawn from a generator
 * of its own (seed and index) so that a record can be drawn again, on any thread. Distributions follow the
 * benchmark generator it replaces (bench/sql/generate.sql, docs/benchmarks.md "Synthetic data").
 */
final class SyntheticGenerator {

    /** The account recorded as registering and recording everything synthetic. */
    static final String ACCOUNT = "synthetic";
    static final String PREFIX = "[SINTETICO] ";
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final int COMUNI_PER_NETWORK = 60;
    static final int ORGANISATIONS_PER_NETWORK = 24;

    /** A network as found: its lead's seat and the comuni it covers already (possibly none). */
    record NetworkInput(String code, int ordinal, long leadOrganisationId, String leadSeatIstat,
            List<String> covered) {
    }

    record ComuneInput(String istatCode, String name, double lat, double lon) {
    }

    /** What the generator starts from: networks, comuni of Lombardy, comuni covered by any network, type labels. */
    record World(List<NetworkInput> networks, List<ComuneInput> comuni, Set<String> coveredAnywhere,
            Map<String, String> typeLabels) {
    }

    /** Activity types: share of the activities, sessions, days between them, hours each, mean enrolments, mode. */
    private record Type(String code, double share, int sessions, int gap, BigDecimal hours, int enrol, boolean desk) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("ITALIAN_L2", 0.14, 26, 7, new BigDecimal("2.0"), 18, false),
            new Type("DIGITAL_SKILLS", 0.08, 10, 7, new BigDecimal("2.5"), 14, false),
            new Type("CIVIC_ORIENTATION", 0.08, 6, 7, new BigDecimal("2.0"), 22, false),
            new Type("PROFESSIONAL_GUIDANCE", 0.08, 4, 14, new BigDecimal("1.0"), 10, false),
            new Type("SKILLS_ASSESSMENT", 0.06, 3, 7, new BigDecimal("1.5"), 10, false),
            new Type("SCHOOL_TO_WORK", 0.05, 16, 7, new BigDecimal("3.0"), 12, false),
            new Type("INFO_DESK", 0.08, 48, 7, new BigDecimal("3.0"), 180, true),
            new Type("INFO_SESSION", 0.12, 1, 1, new BigDecimal("2.0"), 80, false),
            new Type("FAMILY_REUNIFICATION", 0.05, 3, 14, new BigDecimal("1.0"), 10, false),
            new Type("COMMUNITY_EVENT", 0.10, 2, 7, new BigDecimal("3.0"), 90, false),
            new Type("INTERCULTURAL_MEDIATION", 0.06, 10, 7, new BigDecimal("1.5"), 12, false),
            new Type("OPERATOR_TRAINING", 0.05, 4, 7, new BigDecimal("4.0"), 0, false),
            new Type("NETWORK_MEETING", 0.05, 1, 1, new BigDecimal("2.0"), 0, false));

    /** Centres of the networks whose lead has no seat in the reference data: a comune of their area. */
    private static final Map<String, String> CENTRES = Map.of("gera-dadda", "Treviglio", "comasca-lariana", "Como",
            "cremasca", "Crema", "acsi", "Lodi", "comuni-insieme", "Bollate", "sud-est-milano", "San Donato Milanese");

    private static final OrganisationKind[] KINDS = Arrays.stream(OrganisationKind.values())
            .filter(k -> k != OrganisationKind.REGION).toArray(OrganisationKind[]::new);
    private static final Map<OrganisationKind, String> KIND_LABELS = Map.ofEntries(
            Map.entry(OrganisationKind.LOCAL_AUTHORITY, "Ente locale"),
            Map.entry(OrganisationKind.MUNICIPALITIES_ASSOCIATION, "Unione dei comuni"),
            Map.entry(OrganisationKind.THIRD_SECTOR, "Cooperativa sociale"),
            Map.entry(OrganisationKind.JOB_CENTRE, "Centro per l'impiego"),
            Map.entry(OrganisationKind.LABOUR_MARKET_OPERATOR, "Agenzia per il lavoro"),
            Map.entry(OrganisationKind.CPIA, "CPIA"),
            Map.entry(OrganisationKind.SCHOOL, "Istituto scolastico"),
            Map.entry(OrganisationKind.TRAINING_BODY, "Ente di formazione"),
            Map.entry(OrganisationKind.SOCIAL_PARTNER, "Organizzazione sindacale"),
            Map.entry(OrganisationKind.MIGRANT_ASSOCIATION, "Associazione delle comunità migranti"),
            Map.entry(OrganisationKind.NEW_GENERATION_ASSOCIATION, "Associazione delle nuove generazioni"),
            Map.entry(OrganisationKind.RESEARCH, "Centro di ricerca"));

    private static final String[] ITALIAN = {"PRE_ALPHA", "ALPHA", "PRE_A1", "A1", "A2", "B1", "B2", "C1", "C2"};
    private static final String MONTHS = "ABCDEHLMPRST";
    private static final String DESCRIPTION = "Attività sintetica, generata per dimostrazioni e prove di carico:"
            + " dati non reali.";

    private final long seed;
    private final int participants;
    private final LocalDate today;
    private final LocalDate lastDay;

    // --- drawn state, kept in arrays (a million participants, millions of enrolments) ---
    private List<String> networks;
    private Map<String, ComuneInput> comuni;
    private List<List<String>> coverage;
    private List<List<Long>> members;
    private int[] weights;
    private int totalWeight;
    private int persons;
    private byte[] participantNetwork;
    private long[] participantIdHigh;
    private long[] participantIdLow;
    private int[] firstContact;

    SyntheticGenerator(long seed, int participants, LocalDate today) {
        this.seed = seed;
        this.participants = participants;
        this.today = today;
        this.lastDay = today.plusDays(30);
    }

    void generate(World world, SyntheticSink sink) {
        comuni = new HashMap<>();
        world.comuni().forEach(c -> comuni.put(c.istatCode(), c));
        SplittableRandom random = new SplittableRandom(seed);
        cover(world, sink);
        organisations(world, sink);
        Activities activities = activities(world, random, sink);
        drawParticipants();
        sink.participants(participants, this::participant);
        Enrolments enrolments = enrolments(random, activities, sink);
        sink.attendance(attendance(activities, enrolments));
        followUp(random, activities, enrolments, sink);
    }

    // ------------------------------------------------------------------------------------------ coverage

    /**
     * Networks that cover no comune get the comuni nearest to their centre (the lead's seat, or a comune of their
     * area) that no network covers and that are nearer to it than to any other network's centre, 60 at most.
     */
    private void cover(World world, SyntheticSink sink) {
        Map<String, ComuneInput> byName = new HashMap<>();
        world.comuni().forEach(c -> byName.putIfAbsent(c.name(), c));
        Map<String, ComuneInput> centres = new LinkedHashMap<>();
        for (NetworkInput n : world.networks()) {
            ComuneInput centre = n.leadSeatIstat() != null ? comuni.get(n.leadSeatIstat())
                    : CENTRES.containsKey(n.code()) ? byName.get(CENTRES.get(n.code()))
                    : n.covered().isEmpty() ? null : comuni.get(n.covered().get(0));
            if (centre != null) {
                centres.put(n.code(), centre);
            }
        }
        Map<String, List<ComuneInput>> nearest = new LinkedHashMap<>();
        for (ComuneInput c : world.comuni().stream().sorted(Comparator.comparing(ComuneInput::istatCode)).toList()) {
            if (world.coveredAnywhere().contains(c.istatCode())) {
                continue;
            }
            String best = null;
            double bestDistance = Double.MAX_VALUE;
            for (Map.Entry<String, ComuneInput> e : centres.entrySet()) {
                double d = distance(c, e.getValue());
                if (d < bestDistance) {
                    best = e.getKey();
                    bestDistance = d;
                }
            }
            if (best != null) {
                nearest.computeIfAbsent(best, k -> new ArrayList<>()).add(c);
            }
        }
        Map<String, List<String>> added = new LinkedHashMap<>();
        networks = new ArrayList<>();
        coverage = new ArrayList<>();
        for (NetworkInput n : world.networks()) {
            List<String> covered = new ArrayList<>(n.covered());
            if (covered.isEmpty() && centres.containsKey(n.code())) {
                ComuneInput centre = centres.get(n.code());
                List<String> codes = nearest.getOrDefault(n.code(), List.of()).stream()
                        .sorted(Comparator.<ComuneInput>comparingDouble(c -> distance(c, centre))
                                .thenComparing(ComuneInput::istatCode))
                        .limit(COMUNI_PER_NETWORK).map(ComuneInput::istatCode).toList();
                if (!codes.isEmpty()) {
                    added.put(n.code(), codes);
                    covered.addAll(codes);
                }
            }
            covered.removeIf(code -> !comuni.containsKey(code));
            if (!covered.isEmpty()) {
                covered.sort(null);
                networks.add(n.code());
                coverage.add(covered);
            }
        }
        if (networks.isEmpty()) {
            throw new IllegalStateException("No network with a comune: synthetic data needs the networks' reference data");
        }
        weights = networks.stream().mapToInt(code -> code.equals("milano") ? 4 : 1).toArray();
        totalWeight = Arrays.stream(weights).sum();
        sink.cover(added);
    }

    private static double distance(ComuneInput a, ComuneInput b) {
        double dy = a.lat() - b.lat();
        double dx = (a.lon() - b.lon()) * 0.68;
        return dx * dx + dy * dy;
    }

    // ------------------------------------------------------------------------------------------ organisations

    /** 24 organisations per network, of every kind but the region, seated in its comuni; one in ten also in the next. */
    private void organisations(World world, SyntheticSink sink) {
        List<PartnershipBulkLoad.NewOrganisation> organisations = new ArrayList<>();
        for (int n = 0; n < networks.size(); n++) {
            int ordinal = ordinalOf(world, networks.get(n));
            List<String> cov = coverage.get(n);
            for (int j = 1; j <= ORGANISATIONS_PER_NETWORK; j++) {
                OrganisationKind kind = KINDS[(j - 1) % KINDS.length];
                String seat = cov.get((j * 7) % cov.size());
                organisations.add(new PartnershipBulkLoad.NewOrganisation(PREFIX + KIND_LABELS.get(kind) + " "
                        + comuni.get(seat).name() + " " + (ordinal * 100 + j), kind, seat));
            }
        }
        long first = sink.organisations(organisations);
        List<PartnershipBulkLoad.NewMembership> memberships = new ArrayList<>();
        members = new ArrayList<>();
        for (int n = 0; n < networks.size(); n++) {
            members.add(new ArrayList<>());
        }
        for (int n = 0; n < networks.size(); n++) {
            for (int j = 1; j <= ORGANISATIONS_PER_NETWORK; j++) {
                long id = first + (long) n * ORGANISATIONS_PER_NETWORK + j - 1;
                memberships.add(new PartnershipBulkLoad.NewMembership(networks.get(n), id,
                        j % 3 == 0 ? MembershipRole.SUPPORTER : MembershipRole.PARTNER, FIRST_DAY));
                members.get(n).add(id);
                if (j % 10 == 0 && networks.size() > 1) {
                    int next = (n + 1) % networks.size();
                    memberships.add(new PartnershipBulkLoad.NewMembership(networks.get(next), id,
                            MembershipRole.SUPPORTER, FIRST_DAY.plusYears(1)));
                    members.get(next).add(id);
                }
            }
        }
        for (int n = 0; n < networks.size(); n++) {
            String code = networks.get(n);
            world.networks().stream().filter(x -> x.code().equals(code)).findFirst()
                    .ifPresent(x -> members.get(networks.indexOf(code)).add(x.leadOrganisationId()));
        }
        sink.memberships(memberships);
    }

    private static int ordinalOf(World world, String code) {
        return world.networks().stream().filter(x -> x.code().equals(code)).findFirst().map(NetworkInput::ordinal)
                .orElse(0);
    }

    private int network(SplittableRandom random) {
        int r = random.nextInt(totalWeight);
        for (int n = 0; n < weights.length; n++) {
            r -= weights[n];
            if (r < 0) {
                return n;
            }
        }
        return weights.length - 1;
    }

    // ------------------------------------------------------------------------------------------ activities

    private static final class Activities {
        int count;
        long firstId;
        long firstSessionId;
        byte[] network;
        Type[] type;
        int[] start;
        ActivityStatus[] status;
        int[] enrolments;
        long[] sessionOffset;
        byte[] hour;
    }

    private Activities activities(World world, SplittableRandom random, SyntheticSink sink) {
        List<Type> types = TYPES.stream().filter(t -> world.typeLabels().containsKey(t.code())).toList();
        double shares = types.stream().mapToDouble(Type::share).sum();
        Activities a = new Activities();
        a.count = Math.max(130, (int) Math.round(participants * 0.065));
        a.network = new byte[a.count];
        a.type = new Type[a.count];
        a.start = new int[a.count];
        a.status = new ActivityStatus[a.count];
        a.enrolments = new int[a.count];
        a.sessionOffset = new long[a.count + 1];
        a.hour = new byte[a.count];
        int span = (int) ChronoUnit.DAYS.between(FIRST_DAY, lastDay);
        List<ActivityBulkLoad.NewActivity> rows = new ArrayList<>(a.count);
        List<int[]> delivery = new ArrayList<>(a.count);
        for (int i = 0; i < a.count; i++) {
            int n = network(random);
            double r = random.nextDouble() * shares;
            Type t = types.get(types.size() - 1);
            for (Type candidate : types) {
                r -= candidate.share();
                if (r < 0) {
                    t = candidate;
                    break;
                }
            }
            LocalDate start = FIRST_DAY.plusDays(random.nextInt(Math.max(1, span - (t.sessions() - 1) * t.gap() + 1)));
            LocalDate end = start.plusDays((long) (t.sessions() - 1) * t.gap());
            List<String> cov = coverage.get(n);
            String comune = cov.get(random.nextInt(cov.size()));
            double rStatus = random.nextDouble();
            ActivityStatus status = rStatus < 0.02 ? ActivityStatus.CANCELLED
                    : end.isBefore(today) ? ActivityStatus.COMPLETED
                    : !start.isAfter(today) ? ActivityStatus.ONGOING : ActivityStatus.PLANNED;
            int enrol = status == ActivityStatus.CANCELLED ? 0
                    : (int) Math.round(t.enrol() * (0.5 + random.nextDouble()));
            LocalTime from = LocalTime.of(9 + random.nextInt(10), 0);
            int languages = random.nextInt(10);
            int base = random.nextInt(1000);
            int extra = random.nextInt(3);
            a.network[i] = (byte) n;
            a.hour[i] = (byte) from.getHour();
            a.type[i] = t;
            a.start[i] = (int) start.toEpochDay();
            a.status[i] = status;
            a.enrolments[i] = enrol;
            a.sessionOffset[i + 1] = a.sessionOffset[i] + t.sessions();
            delivery.add(new int[] {base, extra});
            rows.add(new ActivityBulkLoad.NewActivity(networks.get(n), t.code(),
                    PREFIX + world.typeLabels().get(t.code()) + " – " + comuni.get(comune).name() + " n. " + (i + 1),
                    DESCRIPTION, comune, start, end, t.hours().multiply(BigDecimal.valueOf(t.sessions())),
                    languages < 6 ? List.of("it") : languages < 8 ? List.of("it", "en")
                            : languages < 9 ? List.of("it", "ar", "fr") : List.of("it", "en", "es"),
                    Math.max(enrol, 1) + 5, status, start.minusDays(30)));
        }
        a.firstId = sink.activities(rows);
        List<ActivityBulkLoad.NewOrganisation> organisations = new ArrayList<>();
        for (int i = 0; i < a.count; i++) {
            List<Long> m = members.get(a.network[i]);
            Set<Long> taken = new HashSet<>();
            for (int k = 0; k <= delivery.get(i)[1]; k++) {
                long org = m.get((delivery.get(i)[0] + k * 7) % m.size());
                if (taken.add(org)) {
                    organisations.add(new ActivityBulkLoad.NewOrganisation(a.firstId + i, org, k == 0));
                }
            }
        }
        sink.activityOrganisations(organisations.iterator());
        a.firstSessionId = sink.sessions(new Iterator<>() {
            int i;
            int k;

            @Override
            public boolean hasNext() {
                while (i < a.count && k >= a.type[i].sessions()) {
                    i++;
                    k = 0;
                }
                return i < a.count;
            }

            @Override
            public ActivityBulkLoad.NewSession next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Type t = a.type[i];
                LocalTime from = LocalTime.of(a.hour[i], 0);
                ActivityBulkLoad.NewSession s = new ActivityBulkLoad.NewSession(a.firstId + i,
                        LocalDate.ofEpochDay(a.start[i] + (long) k * t.gap()), from,
                        from.plusMinutes(t.hours().multiply(BigDecimal.valueOf(60)).longValue()), t.hours());
                k++;
                return s;
            }
        });
        return a;
    }

    // ------------------------------------------------------------------------------------------ participants

    /** A generator of its own for record {@code index} of stream {@code stream}: records can be drawn again. */
    private SplittableRandom random(long stream, long index) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + index));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static UUID uuid(SplittableRandom r) {
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * The participants' networks, ids and first contacts. About 5% of the records are a second registration of a
     * person by another network: records past {@code persons} repeat every twentieth person.
     */
    private void drawParticipants() {
        persons = (int) Math.round(participants / 1.05);
        participantNetwork = new byte[participants];
        participantIdHigh = new long[participants];
        participantIdLow = new long[participants];
        firstContact = new int[participants];
        int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, today);
        for (int i = 0; i < participants; i++) {
            SplittableRandom r = random(1, i);
            UUID id = uuid(r);
            participantIdHigh[i] = id.getMostSignificantBits();
            participantIdLow[i] = id.getLeastSignificantBits();
            int n = network(r);
            if (i >= persons && networks.size() > 1) {
                int original = participantNetwork[original(i)];
                while (n == original) {
                    n = network(r);
                }
            }
            participantNetwork[i] = (byte) n;
            firstContact[i] = (int) FIRST_DAY.toEpochDay() + r.nextInt(Math.max(1, days));
        }
    }

    private int original(int i) {
        return i < persons ? i : (i - persons) * 20;
    }

    private UUID participantId(int i) {
        return new UUID(participantIdHigh[i], participantIdLow[i]);
    }

    /** Participant record {@code i}: the same every time. */
    ParticipantBulkLoad.NewParticipant participant(int i) {
        int original = original(i);
        SplittableRandom r = random(1, i);
        uuid(r);
        network(r);
        SplittableRandom p = random(2, original);
        UUID person = uuid(p);
        double rSex = p.nextDouble();
        Sex sex = rSex < 0.52 ? Sex.F : rSex < 0.995 ? Sex.M : Sex.X;
        int age = 14 + (int) Math.floor(p.nextDouble() * 30 + p.nextDouble() * 28);
        LocalDate born = LocalDate.ofYearDay(today.getYear() - age, 1 + p.nextInt(365));
        String[] citizenship = citizenship(p.nextInt(100));
        String country = citizenship[0];
        String birthCountry = !country.equals("IT") && p.nextInt(100) < 3 ? "IT" : country;
        SyntheticNames.Group names = SyntheticNames.GROUPS.get(citizenship[2]);
        String surname = names.surnames()[p.nextInt(names.surnames().length)];
        if (p.nextInt(100) < 25) {
            surname = surname + " " + names.surnames()[p.nextInt(names.surnames().length)];
        }
        String[] given = sex == Sex.F ? names.female() : sex == Sex.M ? names.male()
                : p.nextBoolean() ? names.female() : names.male();
        String givenNames = given[p.nextInt(given.length)];
        if (p.nextInt(100) < 20) {
            givenNames = givenNames + " " + given[p.nextInt(given.length)];
        }
        int code = p.nextInt(100);
        String taxCode = code < 65 && sex != Sex.X
                ? personalCode(surname, givenNames, born, sex, birthCountry.equals("IT") ? "F205" : citizenship[3])
                : code < 70 ? TaxCode.completeProvisional(String.valueOf(1_000_000_000L + p.nextLong(8_999_999_999L)))
                : null;
        String phone = p.nextInt(100) < 60 ? "+39 3" + (10 + p.nextInt(90)) + " " + (1_000_000 + p.nextInt(9_000_000))
                : null;
        String email = p.nextInt(100) < 25 ? (letters(givenNames) + "." + letters(surname))
                .toLowerCase(java.util.Locale.ROOT) + (p.nextInt(90) + 10) + "@sintetico.example" : null;
        List<Vulnerability> vulnerable = List.of();
        if (p.nextInt(100) < 8) {
            Vulnerability v = Vulnerability.values()[p.nextInt(Vulnerability.values().length)];
            vulnerable = List.of(v == Vulnerability.UNACCOMPANIED_MINOR && age >= 18 ? Vulnerability.SINGLE_PARENT : v);
        }
        PermitType permit = null;
        int rPermit = p.nextInt(100);
        if (!birthCountry.equals("IT") && !country.equals("IT")) {
            permit = age < 18 ? PermitType.MINOR_AGE
                    : country.equals("UA") && rPermit < 70 ? PermitType.TEMPORARY_PROTECTION
                    : rPermit < 30 ? PermitType.WORK : rPermit < 55 ? PermitType.FAMILY
                    : rPermit < 65 ? PermitType.LONG_TERM_EU : rPermit < 75 ? PermitType.INTERNATIONAL_PROTECTION
                    : rPermit < 82 ? PermitType.ASYLUM_APPLICANT : rPermit < 86 ? PermitType.SPECIAL_PROTECTION
                    : rPermit < 89 ? PermitType.STUDY : null;
        }
        int n = participantNetwork[i];
        List<String> cov = coverage.get(n);
        List<Long> orgs = members.get(n);
        String residence = cov.get(r.nextInt(cov.size()));
        long organisation = orgs.get(r.nextInt(orgs.size()));
        LocalDate contact = LocalDate.ofEpochDay(firstContact[i]);
        LocalDate expiry = permit == null || permit == PermitType.LONG_TERM_EU ? null
                : contact.plusDays(180 + p.nextInt(900));
        boolean duplicated = i < persons && i % 20 == 0 && i / 20 < participants - persons;
        boolean erased = !duplicated && r.nextInt(1000) == 0;
        ParticipantData data = new ParticipantData(PREFIX + surname, givenNames, sex, born, birthCountry, country,
                taxCode, residence, contact, phone, email, vulnerable, permit, expiry);
        return new ParticipantBulkLoad.NewParticipant(participantId(i), person, networks.get(n), organisation, data,
                i == original, erased);
    }

    private static String[] citizenship(int percent) {
        int r = percent;
        for (String[] c : SyntheticNames.CITIZENSHIPS) {
            r -= Integer.parseInt(c[1]);
            if (r < 0) {
                return c;
            }
        }
        return SyntheticNames.CITIZENSHIPS[0];
    }

    /** A well-formed codice fiscale of the name, birth date, sex and place (country) of birth. */
    static String personalCode(String surname, String givenNames, LocalDate born, Sex sex, String place) {
        String s = letters(surname);
        String g = letters(givenNames);
        String gc = consonants(g);
        String given = gc.length() >= 4 ? "" + gc.charAt(0) + gc.charAt(2) + gc.charAt(3) : three(g);
        int day = born.getDayOfMonth() + (sex == Sex.F ? 40 : 0);
        String first15 = three(s) + given + String.format("%02d", born.getYear() % 100)
                + MONTHS.charAt(born.getMonthValue() - 1) + String.format("%02d", day) + place;
        return TaxCode.completePersonal(first15);
    }

    /** Upper-case letters A–Z only (accents, spaces and apostrophes dropped), as codes and hashes read names. */
    static String letters(String raw) {
        return java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    private static String consonants(String s) {
        return s.replaceAll("[AEIOU]", "");
    }

    private static String three(String s) {
        return (consonants(s) + s.replaceAll("[^AEIOU]", "") + "XXX").substring(0, 3);
    }

    // ------------------------------------------------------------------------------------------ enrolments

    private static final class Enrolments {
        int count;
        long firstId;
        int[] participant;
        int[] activity;
        EnrolmentStatus[] status;
        short[] firstSession;
        short[] lastSession;
        int[] enrolledOn;
    }

    /**
     * Each activity enrols people of its own network, picked at random (a repeated pick is dropped). Ended
     * activities: 6% withdrawn, 75% completed, the rest still attending; running ones 5% withdrawn; planned ones
     * enrolled. Courses are attended from the first session (a withdrawn person the first half), desks one to four
     * openings from the one the person came to.
     */
    private Enrolments enrolments(SplittableRandom random, Activities a, SyntheticSink sink) {
        int[][] byNetwork = new int[networks.size()][];
        int[] sizes = new int[networks.size()];
        for (byte n : participantNetwork) {
            sizes[n]++;
        }
        for (int n = 0; n < sizes.length; n++) {
            byNetwork[n] = new int[sizes[n]];
            sizes[n] = 0;
        }
        for (int i = 0; i < participants; i++) {
            int n = participantNetwork[i];
            byNetwork[n][sizes[n]++] = i;
        }
        long total = 0;
        for (int i = 0; i < a.count; i++) {
            total += a.enrolments[i];
        }
        Enrolments e = new Enrolments();
        e.participant = new int[(int) total];
        e.activity = new int[(int) total];
        e.status = new EnrolmentStatus[(int) total];
        e.firstSession = new short[(int) total];
        e.lastSession = new short[(int) total];
        e.enrolledOn = new int[(int) total];
        int todayDay = (int) today.toEpochDay();
        int k = 0;
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < a.count; i++) {
            int[] pool = byNetwork[a.network[i]];
            if (pool.length == 0) {
                continue;
            }
            Type t = a.type[i];
            picked.clear();
            for (int j = 0; j < a.enrolments[i]; j++) {
                int who = pool[random.nextInt(pool.length)];
                double rStatus = random.nextDouble();
                double rDays = random.nextDouble();
                double rDesk = random.nextDouble();
                if (!picked.add(who)) {
                    continue;
                }
                EnrolmentStatus status = switch (a.status[i]) {
                    case COMPLETED -> rStatus < 0.06 ? EnrolmentStatus.WITHDRAWN
                            : rStatus < 0.81 ? EnrolmentStatus.COMPLETED : EnrolmentStatus.ATTENDING;
                    case ONGOING -> rStatus < 0.05 ? EnrolmentStatus.WITHDRAWN : EnrolmentStatus.ATTENDING;
                    default -> EnrolmentStatus.ENROLLED;
                };
                int first = t.desk() ? (int) Math.floor(rDesk * t.sessions()) : 0;
                int last = t.desk() ? first + (int) Math.floor(rDays * 4)
                        : status == EnrolmentStatus.WITHDRAWN ? (t.sessions() - 1) / 2 : t.sessions() - 1;
                last = Math.min(last, t.sessions() - 1);
                last = Math.min(last, Math.floorDiv(todayDay - a.start[i], t.gap()));
                e.participant[k] = who;
                e.activity[k] = i;
                e.status[k] = status;
                e.firstSession[k] = (short) first;
                e.lastSession[k] = (short) (a.status[i] == ActivityStatus.COMPLETED
                        || a.status[i] == ActivityStatus.ONGOING ? last : -1);
                // the enrolment day: a desk's opening, or up to two weeks before a course starts
                e.enrolledOn[k] = t.desk() ? a.start[i] + first * t.gap() : a.start[i] - (int) Math.floor(rDays * 14);
                k++;
            }
        }
        e.count = k;
        e.firstId = sink.enrolments(new Iterator<>() {
            int x;

            @Override
            public boolean hasNext() {
                return x < e.count;
            }

            @Override
            public ParticipantBulkLoad.NewEnrolment next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = e.activity[x];
                Type t = a.type[i];
                LocalDate start = LocalDate.ofEpochDay(a.start[i]);
                LocalDate end = start.plusDays((long) (t.sessions() - 1) * t.gap());
                LocalDate enrolled = LocalDate.ofEpochDay(e.enrolledOn[x]);
                EnrolmentStatus status = e.status[x];
                LocalDate ended = switch (status) {
                    case COMPLETED -> end;
                    case WITHDRAWN -> max(enrolled, start.plusDays(ChronoUnit.DAYS.between(start, end) / 2));
                    default -> null;
                };
                ParticipantBulkLoad.NewEnrolment row = new ParticipantBulkLoad.NewEnrolment(
                        participantId(e.participant[x]), a.firstId + i, status,
                        status == EnrolmentStatus.WITHDRAWN ? "Trasferimento in altro comune" : null, enrolled, ended);
                x++;
                return row;
            }
        });
        return e;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    // ------------------------------------------------------------------------------------------ attendance

    /**
     * Every session from the enrolment's first to its last up to today; present 85% of the time (a hash of the
     * seed, enrolment and session, so the marks need no drawing order) with the session's hours, absent with 0.
     */
    private Iterator<ParticipantBulkLoad.NewAttendance> attendance(Activities a, Enrolments e) {
        return new Iterator<>() {
            int x = -1;
            int k;
            int last = -1;

            @Override
            public boolean hasNext() {
                while (k > last) {
                    x++;
                    if (x >= e.count) {
                        return false;
                    }
                    k = e.firstSession[x];
                    last = e.lastSession[x];
                }
                return true;
            }

            @Override
            public ParticipantBulkLoad.NewAttendance next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = e.activity[x];
                Type t = a.type[i];
                boolean present = Math.floorMod(mix(seed ^ ((long) x * 64 + k)), 100) < 85;
                ParticipantBulkLoad.NewAttendance mark = new ParticipantBulkLoad.NewAttendance(e.firstId + x,
                        a.firstSessionId + a.sessionOffset[i] + k, present, present ? t.hours() : BigDecimal.ZERO,
                        LocalDate.ofEpochDay(a.start[i] + (long) k * t.gap()));
                k++;
                return mark;
            }
        };
    }

    // ------------------------------------------------------------------------------------------ follow-up

    /**
     * Assessments (Italian L2 and DigComp: an entry for 65% of a course's people, an exit for those who completed
     * it, zero to two levels up, sometimes a certification; some DigComp rows per area), outcomes (guidance and
     * family reunification from the activities, employment status at entry and exit of school-to-work and
     * guidance paths, qualification recognition for 3% and long-term residence for 4% of the people) and survey
     * answers (35% of completed enrolments).
     */
    private void followUp(SplittableRandom random, Activities a, Enrolments e, SyntheticSink sink) {
        List<ParticipantBulkLoad.NewAssessment> assessments = new ArrayList<>();
        List<ParticipantBulkLoad.NewOutcome> outcomes = new ArrayList<>();
        List<ParticipantBulkLoad.NewSurveyAnswer> answers = new ArrayList<>();
        for (int x = 0; x < e.count; x++) {
            int i = e.activity[x];
            Type t = a.type[i];
            EnrolmentStatus status = e.status[x];
            UUID who = participantId(e.participant[x]);
            long activity = a.firstId + i;
            LocalDate start = LocalDate.ofEpochDay(a.start[i]);
            LocalDate end = start.plusDays((long) (t.sessions() - 1) * t.gap());
            boolean completed = status == EnrolmentStatus.COMPLETED;
            if ((t.code().equals("ITALIAN_L2") || t.code().equals("DIGITAL_SKILLS"))
                    && status != EnrolmentStatus.ENROLLED) {
                double take = random.nextDouble();
                double cert = random.nextDouble();
                double area = random.nextDouble();
                double g = random.nextDouble();
                int gain = g < 0.3 ? 0 : g < 0.75 ? 1 : 2;
                boolean italian = t.code().equals("ITALIAN_L2");
                int entry = italian ? random.nextInt(6) : 1 + random.nextInt(5);
                if (take < 0.65) {
                    assessments.add(assessment(who, italian, AssessmentPhase.ENTRY, start, entry, null, false,
                            activity));
                    if (completed) {
                        int exit = Math.min(italian ? ITALIAN.length - 1 : 8, entry + gain);
                        assessments.add(assessment(who, italian, AssessmentPhase.EXIT, end, exit, null,
                                italian && cert < 0.1, activity));
                        if (!italian && area < 0.1) {
                            assessments.add(assessment(who, false, AssessmentPhase.EXIT, end, exit, "SAFETY", false,
                                    activity));
                        }
                    }
                }
            }
            if (completed && (t.code().equals("PROFESSIONAL_GUIDANCE") || t.code().equals("FAMILY_REUNIFICATION"))) {
                outcomes.add(new ParticipantBulkLoad.NewOutcome(who, OutcomeType.valueOf(t.code()), end, null, null,
                        activity));
            }
            if (completed && (t.code().equals("SCHOOL_TO_WORK") || t.code().equals("PROFESSIONAL_GUIDANCE"))) {
                EmploymentStatus[] values = EmploymentStatus.values();
                outcomes.add(new ParticipantBulkLoad.NewOutcome(who, OutcomeType.EMPLOYMENT_STATUS, start,
                        AssessmentPhase.ENTRY, values[random.nextInt(values.length)], activity));
                outcomes.add(new ParticipantBulkLoad.NewOutcome(who, OutcomeType.EMPLOYMENT_STATUS, end,
                        AssessmentPhase.EXIT, values[random.nextInt(values.length)], activity));
            }
            if (completed) {
                double take = random.nextDouble();
                double help = random.nextDouble();
                double source = random.nextDouble();
                int days = random.nextInt(10);
                int[] scores = {1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5),
                    1 + random.nextInt(5)};
                if (take < 0.35) {
                    LocalDate on = end.plusDays(days);
                    answers.add(new ParticipantBulkLoad.NewSurveyAnswer(who, activity,
                            help < 0.65 ? SurveyAnswers.Helpful.YES : help < 0.9 ? SurveyAnswers.Helpful.PARTLY
                                    : SurveyAnswers.Helpful.NO, scores[0], scores[1], scores[2], scores[3],
                            source < 0.6, on.isAfter(today) ? today : on, source < 0.6 ? null : ACCOUNT));
                }
            }
        }
        for (int i = 0; i < participants; i++) {
            int h = (int) Math.floorMod(mix(seed * 31 + i), 1000);
            OutcomeType type = h < 30 ? OutcomeType.QUALIFICATION_RECOGNITION
                    : h < 70 ? OutcomeType.LONG_TERM_RESIDENCE : null;
            if (type != null) {
                LocalDate on = LocalDate.ofEpochDay(firstContact[i] + 30 + Math.floorMod(mix(seed + i), 300));
                outcomes.add(new ParticipantBulkLoad.NewOutcome(participantId(i), type,
                        on.isAfter(today) ? today : on, null, null, null));
            }
        }
        sink.assessments(assessments.iterator());
        sink.outcomes(outcomes.iterator());
        sink.surveyAnswers(answers.iterator());
    }

    private static ParticipantBulkLoad.NewAssessment assessment(UUID who, boolean italian, AssessmentPhase phase,
            LocalDate on, int level, String area, boolean certification, long activity) {
        return new ParticipantBulkLoad.NewAssessment(who, italian ? AssessmentKind.ITALIAN_L2 : AssessmentKind.DIGCOMP,
                phase, on, italian ? ITALIAN[level] : null, italian ? null : level, area,
                certification ? AssessmentInstrument.CERTIFICATION : AssessmentInstrument.PLACEMENT_TEST,
                certification ? CertificationBody.CILS : null, activity);
    }
}
