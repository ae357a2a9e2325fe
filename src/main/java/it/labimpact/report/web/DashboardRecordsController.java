package it.labimpact.report.web;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.cooperation.AgreementView;
import it.labimpact.cooperation.Agreements;
import it.labimpact.cooperation.MeetingRegistry;
import it.labimpact.cooperation.MeetingSummary;
import it.labimpact.cooperation.ReferralView;
import it.labimpact.cooperation.Referrals;
import it.labimpact.cooperation.TrainingRegistry;
import it.labimpact.indicator.Dimension;
import it.labimpact.indicator.DrillRecord;
import it.labimpact.indicator.IndicatorDefinition;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The records behind a dashboard number ({@code /indicators/{code}/records}): participants by pseudonymous id
 * only, activities, organisations or comuni, paged. For the staff who may see them: the access policy admits
 * operators, leads, coordinators and administrators, {@link Indicators#records} keeps each to its network.
 * No personal data is shown, so the list is not audited; opening a participant's record is.
 */
@Controller
class DashboardRecordsController {

    static final int PAGE_SIZE = 50;

    /** One record of the list, with its link when it has a page. */
    record DrillRow(String kind, String id, String label, String href, String network) {
    }

    private final Indicators indicators;
    private final ActivityCatalogue activities;
    private final Partnership partnership;
    private final DimensionLabels labels;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TrainingRegistry trainings;
    private final MeetingRegistry meetings;
    private final Agreements agreements;
    private final Referrals referrals;
    private final MessageSource messages;

    DashboardRecordsController(Indicators indicators, ActivityCatalogue activities, Partnership partnership,
            DimensionLabels labels, TrainingRegistry trainings, MeetingRegistry meetings, Agreements agreements,
            Referrals referrals, MessageSource messages) {
        this.indicators = indicators;
        this.trainings = trainings;
        this.meetings = meetings;
        this.agreements = agreements;
        this.referrals = referrals;
        this.messages = messages;
        this.activities = activities;
        this.partnership = partnership;
        this.labels = labels;
    }

    @GetMapping("/indicators/{code}/records")
    String records(@PathVariable String code, @RequestParam String period,
            @RequestParam(required = false) String network, @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String key, @RequestParam(defaultValue = "0") int page, Model model,
            Locale locale) {
        IndicatorDefinition indicator = indicators.definition(code);
        Period p;
        Dimension d;
        try {
            p = indicators.period(period);
            d = dimension == null || dimension.isBlank() ? null : Dimension.valueOf(dimension);
        } catch (RuleViolationException | IllegalArgumentException e) {
            throw new RecordNotFoundException("indicator records", code);
        }
        String scope = network == null || network.isBlank() ? null : network;
        List<DrillRecord> all = indicators.records(code, p, scope, d, d == null ? null : key);
        int from = Math.min(Math.max(page, 0) * PAGE_SIZE, all.size());
        List<DrillRecord> slice = all.subList(from, Math.min(from + PAGE_SIZE, all.size()));
        Map<String, String> networks = labels.networkNames();
        Function<String, String> comuni = labels.of(Dimension.COMUNE,
                slice.stream().filter(r -> r.kind().equals("comune")).map(DrillRecord::id).toList(), locale);
        List<DrillRow> rows = slice.stream().map(r -> row(r, networks, comuni, locale)).toList();
        model.addAttribute("indicator", indicator);
        model.addAttribute("period", p);
        model.addAttribute("networkName", scope == null ? null : networks.getOrDefault(scope, scope));
        model.addAttribute("dimension", d);
        model.addAttribute("keyLabel", d == null ? null : labels.of(d, List.of(key), locale).apply(key));
        model.addAttribute("result", new PageResponse<>(rows, Math.max(page, 0), PAGE_SIZE, all.size()));
        model.addAttribute("backUrl", scope == null ? "/dashboard?period=" + p.code()
                : "/dashboard/networks/" + scope + "?period=" + p.code());
        return "report/records";
    }

    private DrillRow row(DrillRecord r, Map<String, String> networks, Function<String, String> comuni,
            Locale locale) {
        String network = r.network() == null ? null : networks.getOrDefault(r.network(), r.network());
        return switch (r.kind()) {
            case "participant" -> new DrillRow(r.kind(), r.id(), r.id(), "/participants/" + r.id(), network);
            case "activity" -> new DrillRow(r.kind(), r.id(), activityTitle(r.id()), "/activities/" + r.id(), network);
            case "organisation" -> new DrillRow(r.kind(), r.id(), partnership.organisation(Long.parseLong(r.id()))
                    .map(o -> o.summary().name()).orElse(r.id()), "/organisations/" + r.id(), network);
            case "training" -> new DrillRow(r.kind(), r.id(), trainingTitle(r.id()), "/trainings/" + r.id(), network);
            // cooperation: a tie is "smaller id-larger id"; meetings, agreements and referrals are described through
            // the cooperation module's facades, within the viewer's scope, and linked to their pages
            case "tie" -> new DrillRow(r.kind(), r.id(), tieLabel(r.id()), null, network);
            case "meeting", "agreement", "referral" -> cooperationRow(r, network, locale);
            default -> new DrillRow(r.kind(), r.id(), comuni.apply(r.id()), null, network);
        };
    }

    /**
     * A meeting as its body's name and day, an agreement as its kind, title and parties, a referral as its two
     * organisations and the day sent (never the person), each linked to its page; a record the viewer may not open
     * keeps its number, without a link.
     */
    private DrillRow cooperationRow(DrillRecord r, String network, Locale locale) {
        long id = Long.parseLong(r.id());
        try {
            return switch (r.kind()) {
                case "meeting" -> {
                    MeetingSummary m = meetings.meeting(id).summary();
                    yield new DrillRow(r.kind(), r.id(), m.bodyName() + ", " + DAY.format(m.date()),
                            "/governance/meetings/" + id, network);
                }
                case "agreement" -> {
                    AgreementView a = agreements.agreement(id);
                    String kind = messages.getMessage("agreement.kind." + a.kind().name(), null, a.kind().name(),
                            locale);
                    String parties = String.join(", ", a.parties().stream().map(AgreementView.Party::name).toList());
                    yield new DrillRow(r.kind(), r.id(), kind + " «" + a.title() + "» – " + parties,
                            "/agreements/" + id, network);
                }
                default -> {
                    ReferralView v = referrals.referral(id);
                    LocalDate sent = LocalDate.ofInstant(v.sentAt(), ZoneId.of("Europe/Rome"));
                    yield new DrillRow(r.kind(), r.id(), v.fromOrganisationName() + " → " + v.toOrganisationName()
                            + ", " + DAY.format(sent), "/referrals/" + id, network);
                }
            };
        } catch (RecordNotFoundException | AccessDeniedException e) {
            return new DrillRow(r.kind(), r.id(), "#" + r.id(), null, network);
        }
    }

    private String tieLabel(String id) {
        String[] ids = id.split("-");
        return organisationName(ids[0]) + " – " + organisationName(ids[ids.length - 1]);
    }

    private String organisationName(String id) {
        return partnership.organisation(Long.parseLong(id)).map(o -> o.summary().name()).orElse(id);
    }

    private String trainingTitle(String id) {
        try {
            return trainings.detail(Long.parseLong(id)).data().title();
        } catch (RecordNotFoundException e) {
            return id;
        }
    }

    private String activityTitle(String id) {
        try {
            return activities.detail(Long.parseLong(id)).title();
        } catch (RecordNotFoundException e) {
            return id;
        }
    }
}
