/**
 * Cooperation: objective 1 made visible — governance bodies and their meetings, agreements between
 * organisations, referrals of participants between organisations, the training of operators, the needs raised
 * by the territory, and the cooperation metrics built on them.
 *
 * <p><b>Governance.</b> {@link it.labimpact.cooperation.GovernanceBodies} (the regional steering group, one table per
 * network — both ensured at start-up by {@code GovernanceSeed} — and thematic working groups, with their member
 * organisations) and {@link it.labimpact.cooperation.MeetingRegistry} (meetings with the organisations invited and
 * present, minutes, attached files whose type is read from their bytes, decisions and their follow-up). Tables
 * {@code cooperation_governance_body}, {@code cooperation_governance_member}, {@code cooperation_meeting},
 * {@code cooperation_meeting_attendance}, {@code cooperation_meeting_file}, {@code cooperation_meeting_decision}
 * (V5_0); fact view {@code cooperation_fact_meeting_attendance} (V5_1, held meetings only). Pages under
 * {@code /governance}, API under {@code /api/v1/governance} and {@code /api/v1/meetings}.
 *
 * <p><b>Operator training and needs from the territory.</b> {@link it.labimpact.cooperation.TrainingRegistry}
 * (trainings for operators — staff, not participants —, their attendance lists and the pre/post self-assessment of
 * intercultural competence; the "trained" rule in {@link it.labimpact.cooperation.TrainingRules}) and
 * {@link it.labimpact.cooperation.NeedRegistry} (needs and proposals, the networks' response, the board). Tables
 * {@code cooperation_training}, {@code cooperation_training_operator} (one row per person and organisation, random
 * {@code operator_key}), {@code cooperation_training_attendance}, {@code cooperation_need},
 * {@code cooperation_need_status_change}; fact view {@code cooperation_fact_operator_training}.
 *
 * <p>Publishes its facts to the indicator module only through {@code cooperation_fact_*} views.
 *
 * <p>Agreements and referrals: {@link it.labimpact.cooperation.Agreements} (tables {@code cooperation_agreement},
 * {@code _agreement_party}, {@code _agreement_document}; view {@code cooperation_fact_agreement}, one row per party)
 * and {@link it.labimpact.cooperation.Referrals} (table {@code cooperation_referral}; view
 * {@code cooperation_fact_referral}), with their records ({@code Agreement*}, {@code Referral*}). A referral names
 * the participant by pseudonymous ids only; names and contacts stay in the participant vault and reach the
 * receiving side through {@code ParticipantRegistry.disclose}/{@code registerFrom}, only under the consent it
 * records, audited there.
 *
 * <p>Depends on {@code partnership}, {@code activity}, {@code participant}, {@code territory}, {@code audit},
 * {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cooperation")
package it.labimpact.cooperation;
