package it.labimpact.synthetic;

import it.labimpact.activity.ActivityBulkLoad;
import it.labimpact.participant.ParticipantBulkLoad;
import it.labimpact.partnership.PartnershipBulkLoad;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Where the generator's rows go, in this order: the owners' bulk-load ports ({@link SyntheticData}), or a test's
 * recorder. Methods returning a first id give consecutive ids to the rows, in order.
 */
interface SyntheticSink {

    void cover(Map<String, List<String>> comuniByNetwork);

    long organisations(List<PartnershipBulkLoad.NewOrganisation> organisations);

    void memberships(List<PartnershipBulkLoad.NewMembership> memberships);

    long activities(List<ActivityBulkLoad.NewActivity> activities);

    void activityOrganisations(Iterator<ActivityBulkLoad.NewOrganisation> organisations);

    long sessions(Iterator<ActivityBulkLoad.NewSession> sessions);

    /** {@code source} gives the same record for the same index every time, from any thread. */
    void participants(int count, IntFunction<ParticipantBulkLoad.NewParticipant> source);

    long enrolments(Iterator<ParticipantBulkLoad.NewEnrolment> enrolments);

    void attendance(Iterator<ParticipantBulkLoad.NewAttendance> marks);

    void assessments(Iterator<ParticipantBulkLoad.NewAssessment> assessments);

    void outcomes(Iterator<ParticipantBulkLoad.NewOutcome> outcomes);

    void surveyAnswers(Iterator<ParticipantBulkLoad.NewSurveyAnswer> answers);
}
