/**
 * Participants: the registry of the third-country nationals served by the networks, built for privacy.
 * Pseudonymous rows hold only what the indicators need (sex, birth year, citizenship, comune, dates, network);
 * names, birth date, codes, contacts and sensitive data live in a vault, sealed field by field under a
 * per-participant key that erasure destroys. Keyed hashes recognise a person across networks without showing
 * one network another's data; near matches wait for a coordinator's review. Every read of personal data is
 * audited. Enrolments in activities and attendance session by session (the class register) decide completion:
 * the hours attended against the activity type's threshold of the planned hours. Assessments (Italian L2, DigComp),
 * outcomes and the end-of-activity feedback survey, with its one-time links for participants, follow the
 * pseudonymous row.
 *
 * <p>Tables: {@code participant}, {@code participant_vault}, {@code participant_identity},
 * {@code participant_near_key}, {@code participant_match_review}, {@code participant_privacy_notice},
 * {@code participant_enrolment}, {@code participant_attendance}, {@code participant_assessment},
 * {@code participant_outcome}, {@code participant_survey_link}, {@code participant_survey_answer}.
 * Publishes {@link it.labimpact.participant.ParticipantRegistered}. Depends on {@code activity},
 * {@code partnership}, {@code territory}, {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participant")
package it.labimpact.participant;
