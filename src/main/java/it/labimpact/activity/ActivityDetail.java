package it.labimpact.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An activity with the organisations that deliver it and its sessions.
 *
 * @param scheduledHours the hours of all its sessions
 */
public record ActivityDetail(long id, int version, String title, String networkCode, String networkName,
        ActivityTypeView type, String comuneIstat, String comuneName, String provinceSigla, String venue,
        LocalDate startDate, LocalDate endDate, BigDecimal plannedHours, List<String> languages, Integer capacity,
        String targetGroup, String description, ActivityStatus status, boolean demo,
        List<DeliveringOrganisation> organisations, List<SessionView> sessions, BigDecimal scheduledHours) {

    /** An organisation that delivers the activity. */
    public record DeliveringOrganisation(long id, String name, boolean lead) {
    }

    /** The editable fields, as read: the starting point of an edit. */
    public ActivityData data() {
        Long lead = organisations.stream().filter(DeliveringOrganisation::lead).map(DeliveringOrganisation::id)
                .findFirst().orElse(null);
        List<Long> others = organisations.stream().filter(o -> !o.lead()).map(DeliveringOrganisation::id).toList();
        return new ActivityData(title, type.code(), networkCode, lead, others, comuneIstat, venue, startDate, endDate,
                plannedHours, languages, capacity, targetGroup, description, status, version);
    }
}
