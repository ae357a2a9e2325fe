package it.labimpact.participant.web;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityQuery;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.ActivitySummary;
import it.labimpact.participant.EnrolmentView;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantSummary;
import it.labimpact.shared.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The enrolments section of a participant's record: their enrolments with the activities' titles, and the
 * activities of their network still open to enrolment.
 */
@Component
class EnrolmentSection {

    private final Enrolments enrolments;
    private final ActivityCatalogue activities;

    EnrolmentSection(Enrolments enrolments, ActivityCatalogue activities) {
        this.enrolments = enrolments;
        this.activities = activities;
    }

    void addTo(Model model, ParticipantSummary participant) {
        List<EnrolmentView> mine = enrolments.list(null, participant.id(), new PageRequest(0, 200)).items();
        Set<Long> enrolled = mine.stream().map(EnrolmentView::activityId).collect(Collectors.toSet());
        List<ActivitySummary> open = participant.erased() ? List.of() : activities.activities(
                new ActivityQuery(participant.networkCode(), null, null, null, null, null, LocalDate.now(), null),
                new PageRequest(0, 200)).items().stream()
                .filter(a -> a.status() != ActivityStatus.CANCELLED && !enrolled.contains(a.id())).toList();
        Map<Long, String> titles = mine.stream().map(EnrolmentView::activityId).distinct()
                .collect(Collectors.toMap(id -> id, id -> activities.detail(id).title()));
        model.addAttribute("enrolments", mine);
        model.addAttribute("enrolmentTitles", titles);
        model.addAttribute("openActivities", open);
    }
}
