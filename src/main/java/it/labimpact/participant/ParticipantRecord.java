package it.labimpact.participant;

/**
 * A participant with personal data, for actors allowed to see it; every read is audited.
 *
 * @param personal {@code null} once erased
 * @param sensitive {@code null} when the actor may not see sensitive data, or once erased
 */
public record ParticipantRecord(ParticipantSummary summary, PersonalData personal, SensitiveData sensitive,
        String residenceName) {

    /** The record as editable data (sensitive fields empty when not shown). */
    public ParticipantData toData() {
        SensitiveData s = sensitive == null ? new SensitiveData(null, null, null) : sensitive;
        return new ParticipantData(personal.surname(), personal.givenNames(), summary.sex(), personal.birthDate(),
                personal.birthCountry(), summary.citizenship(), personal.taxCode(), summary.residenceIstat(),
                summary.firstContactDate(), personal.phone(), personal.email(), s.vulnerabilities(), s.permitType(),
                s.permitExpiry());
    }
}
