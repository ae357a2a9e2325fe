package it.labimpact.participant;

import it.labimpact.activity.SessionView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The class register (registro presenze) of an activity: its sessions, and one row per enrolled participant
 * with a cell per session where attendance was recorded.
 *
 * @param sessionVersions per session id, the token a whole-session save must carry (optimistic locking)
 * @param threshold the share of the planned hours that completes the activity
 */
public record ClassRegister(long activityId, String title, String networkCode, BigDecimal plannedHours,
        BigDecimal threshold, List<SessionView> sessions, Map<Long, Long> sessionVersions, List<Row> rows) {

    /** A participant's line; {@code name} is {@code null} for an erased record. */
    public record Row(long enrolmentId, UUID participantId, String name, EnrolmentStatus status,
            Map<Long, Cell> cells, BigDecimal attendedHours, boolean completionMet) {

        /** The cell of a session, or {@code null} when nothing was recorded. */
        public Cell cell(long sessionId) {
            return cells.get(sessionId);
        }

        public boolean withdrawn() {
            return status == EnrolmentStatus.WITHDRAWN;
        }
    }

    /** What was recorded for one participant at one session. */
    public record Cell(boolean present, BigDecimal hours) {
    }
}
