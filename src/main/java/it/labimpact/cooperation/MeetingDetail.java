package it.labimpact.cooperation;

import java.util.List;

/**
 * A meeting with everything its page shows.
 *
 * @param canManage whether the current actor may change the meeting, its attendance, decisions and files
 */
public record MeetingDetail(MeetingSummary summary, String link, String agenda, String minutes, int version,
        List<MeetingAttendance> attendance, List<MeetingDecision> decisions, List<MeetingFile> files,
        boolean canManage) {

    /** The data of the meeting as it stands, for its edit form. */
    public MeetingData data() {
        return new MeetingData(summary.bodyId(), summary.date(), summary.startTime(), summary.endTime(),
                summary.mode(), summary.place(), link, agenda, minutes, summary.status(),
                attendance.stream().map(MeetingAttendance::organisationId).toList(), version);
    }
}
