-- indicator: the catalogue of indicators, and the facts the other modules publish for it.
--
-- Facts. No module reads another module's tables (docs/architecture.md). For set work at scale the owners
-- publish read-only views named <module>_fact_*: their stable SQL face for statistics, as a facade is their
-- Java face. The indicator module reads only these views and its own tables (ArchitectureTests checks it).

-- The vulnerability breakdown needs only yes/no: the categories stay sealed in the vault; the registry keeps this
-- flag on the pseudonymous row (set when any category is recorded).
alter table participant add column vulnerable boolean not null default false;

create view territory_fact_comune as
select istat_code, province_code, population, coalesce(tcn_residents, 0) as tcn_residents
from territory_comune;

create view partnership_fact_organisation as
select id as organisation_id, kind from partnership_organisation;

create view partnership_fact_network as
select n.code as network_code, n.lead_organisation_id, o.kind as lead_kind
from partnership_network n join partnership_organisation o on o.id = n.lead_organisation_id;

create view partnership_fact_coverage as
select n.code as network_code, c.istat_code
from partnership_network_comune c join partnership_network n on n.id = c.network_id;

create view activity_fact_activity as
select a.id as activity_id, a.network_code, a.type_code, t.action, t.counts_for, a.comune_istat,
       a.start_date, a.end_date, a.status
from activity_activity a join activity_type t on t.code = a.type_code;

create view activity_fact_partner as
select activity_id, organisation_id from activity_organisation;

create view participant_fact_person as
select id as participant_id, person_id, network_code, sex, birth_year, citizenship, residence_istat, vulnerable,
       erased_at is not null as erased
from participant;

create view participant_fact_enrolment as
select id as enrolment_id, participant_id, activity_id, status, enrolled_on, ended_on
from participant_enrolment;

-- presence only: an absence is not participation
create view participant_fact_presence as
select a.enrolment_id, s.session_date
from participant_attendance a join activity_session s on s.id = a.session_id
where a.present;

-- the ordered Italian L2 scale: literacy levels first, then CEFR (DOMAIN.md, "Levels"); DigComp 1..8 as is
create view participant_fact_assessment as
select participant_id, kind, phase, assessed_on, activity_id,
       case kind when 'ITALIAN_L2' then array_position(
                     array['PRE_ALPHA', 'ALPHA', 'PRE_A1', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'], language_level)
                 else digcomp_level end as level_rank
from participant_assessment
where kind = 'ITALIAN_L2' or digcomp_area is null;

create view participant_fact_outcome as
select participant_id, type, occurred_on, activity_id from participant_outcome;

create view participant_fact_survey as
select participant_id, activity_id, helpful, (answered_at at time zone 'Europe/Rome')::date as answered_on
from participant_survey_answer;

create index participant_enrolment_participant_idx on participant_enrolment (participant_id);
create index participant_outcome_type_idx on participant_outcome (type, occurred_on);

-- The catalogue: each indicator is data bound to one reviewed SQL computation in IndicatorEngine.
create table indicator_definition (
    code            text     primary key check (code ~ '^[A-Z0-9][A-Z0-9.-]{1,39}$'),
    position        smallint not null unique,
    kind            text     not null check (kind in ('AMIF_OUTPUT', 'AMIF_RESULT', 'PROJECT')),
    fund_reference  text,
    objective       text     not null check (objective in ('OS1', 'OS2', 'OS3')),
    action          char(2)  check (action in ('01', '02', '03')),
    label_it        text     not null,
    label_en        text     not null,
    unit_it         text     not null,
    unit_en         text     not null,
    definition_it   text     not null,
    definition_en   text     not null,
    rule            text     not null check (rule in ('PERSONS', 'THINGS', 'STOCK', 'RATIO')),
    computation     text     not null,
    parameters      text[]   not null default '{}',
    breakdowns      text[]   not null default '{}',
    active          boolean  not null default true
);

-- Codes and labels of the AMIF common indicators follow Regulation (EU) 2021/1147, Annex VIII, specific
-- objective 2 (wording to verify against the official text: it is data, editable here, not code).
insert into indicator_definition (code, position, kind, fund_reference, objective, action, label_it, label_en,
    unit_it, unit_en, definition_it, definition_en, rule, computation, parameters, breakdowns) values
('AMIF-O2', 10, 'AMIF_OUTPUT', 'Reg. (UE) 2021/1147, all. VIII, OS2 output 2', 'OS1', '01',
 'Enti locali e regionali sostenuti per attuare misure di integrazione',
 'Local and regional authorities supported to implement integration measures',
 'enti', 'authorities',
 'Organizzazioni di tipo ente locale o Regione che co-realizzano almeno un''attività svolta (anche in parte) nel periodo. Ogni ente conta una volta nel periodo; nella riga di una rete conta se co-realizza un''attività di quella rete.',
 'Organisations of kind local authority or region that co-deliver at least one activity running (even partly) in the period. Each authority counts once in the period; in a network''s row it counts if it co-delivers one of that network''s activities.',
 'THINGS', 'AUTHORITIES_SUPPORTED', '{LOCAL_AUTHORITY,REGION}', '{NETWORK}'),
('AMIF-O3', 20, 'AMIF_OUTPUT', 'Reg. (UE) 2021/1147, all. VIII, OS2 output 3', 'OS2', null,
 'Partecipanti ad attività di supporto', 'Participants in support activities',
 'persone', 'persons',
 'Persone presenti ad almeno un incontro, nel periodo, di un''attività delle azioni 02 o 03. Conta la presenza registrata nel registro, non l''iscrizione: chi si iscrive e si ritira senza mai partecipare non conta. Una persona conta una volta per periodo, anche se seguita da più reti.',
 'Persons present at one or more sessions, in the period, of an activity of actions 02 or 03. What counts is a presence in the register, not an enrolment: whoever enrols and withdraws without ever attending does not count. A person counts once per period, even when served by several networks.',
 'PERSONS', 'PRESENCE_IN_ACTIONS', '{02,03}', '{NETWORK,ACTION,ACTIVITY_TYPE,PROVINCE,COMUNE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('AMIF-O3.1', 21, 'AMIF_OUTPUT', 'Reg. (UE) 2021/1147, all. VIII, OS2 output 3.1', 'OS2', '02',
 'di cui: partecipanti a un corso di lingua', 'of which: participants in a language course',
 'persone', 'persons',
 'Persone presenti ad almeno un incontro, nel periodo, di un''attività che conta come corso di lingua (tipo con «conta per» LANGUAGE_COURSE).',
 'Persons present at one or more sessions, in the period, of an activity that counts as a language course (type counting for LANGUAGE_COURSE).',
 'PERSONS', 'PRESENCE', '{LANGUAGE_COURSE}', '{NETWORK,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('AMIF-O3.2', 22, 'AMIF_OUTPUT', 'Reg. (UE) 2021/1147, all. VIII, OS2 output 3.2', 'OS3', '03',
 'di cui: partecipanti a un corso di orientamento civico', 'of which: participants in a civic orientation course',
 'persone', 'persons',
 'Persone presenti ad almeno un incontro, nel periodo, di un''attività che conta come orientamento civico (CIVIC_ORIENTATION).',
 'Persons present at one or more sessions, in the period, of an activity that counts as civic orientation (CIVIC_ORIENTATION).',
 'PERSONS', 'PRESENCE', '{CIVIC_ORIENTATION}', '{NETWORK,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('AMIF-O3.3', 23, 'AMIF_OUTPUT', 'Reg. (UE) 2021/1147, all. VIII, OS2 output 3.3', 'OS2', '02',
 'di cui: partecipanti che hanno ricevuto orientamento professionale personalizzato',
 'of which: participants who received personal professional guidance',
 'persone', 'persons',
 'Persone presenti, nel periodo, a un''attività di orientamento professionale (PROFESSIONAL_GUIDANCE), oppure con un esito «orientamento professionale ricevuto» datato nel periodo.',
 'Persons present, in the period, at a professional-guidance activity (PROFESSIONAL_GUIDANCE), or with a "professional guidance received" outcome dated in the period.',
 'PERSONS', 'PRESENCE_OR_OUTCOME', '{PROFESSIONAL_GUIDANCE}', '{NETWORK,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('AMIF-O5', 30, 'AMIF_OUTPUT', 'Reg. (UE) 2021/1147, all. VIII, OS2 output 5', 'OS3', '03',
 'Partecipanti che hanno ricevuto informazioni e/o assistenza per il ricongiungimento familiare',
 'Participants receiving information and/or assistance to apply for family reunification',
 'persone', 'persons',
 'Persone presenti, nel periodo, a un''attività di assistenza al ricongiungimento familiare (FAMILY_REUNIFICATION), oppure con un esito «ricongiungimento familiare» datato nel periodo.',
 'Persons present, in the period, at a family-reunification assistance activity (FAMILY_REUNIFICATION), or with a "family reunification" outcome dated in the period.',
 'PERSONS', 'PRESENCE_OR_OUTCOME', '{FAMILY_REUNIFICATION}', '{NETWORK,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('AMIF-O7', 40, 'AMIF_OUTPUT', 'Reg. (UE) 2021/1147, all. VIII, OS2 output 7', 'OS1', '01',
 'Progetti di integrazione di cui sono beneficiari enti locali e regionali',
 'Integration projects where local and regional authorities are the beneficiary',
 'progetti', 'projects',
 'Reti territoriali (i progetti locali di Lab''Impact) il cui capofila è un ente locale o la Regione e che hanno almeno un''attività svolta (anche in parte) nel periodo.',
 'Territorial networks (Lab''Impact''s local projects) whose lead partner is a local authority or the region and that have at least one activity running (even partly) in the period.',
 'THINGS', 'PROJECTS_LED_BY', '{LOCAL_AUTHORITY,REGION}', '{NETWORK}'),
('AMIF-R8', 50, 'AMIF_RESULT', 'Reg. (UE) 2021/1147, all. VIII, OS2 result 8', 'OS2', '02',
 'Partecipanti ai corsi di lingua che hanno migliorato la conoscenza della lingua di almeno un livello',
 'Participants in language courses who improved their language proficiency by at least one level',
 'persone', 'persons',
 'Persone con una valutazione di italiano L2 d''uscita datata nel periodo e una d''ingresso precedente o dello stesso giorno, nella stessa scheda, con l''uscita almeno un livello sopra l''ingresso sulla scala ordinata pre-alfa < alfa < pre-A1 < A1 < A2 < B1 < B2 < C1 < C2 (il salto da alfa a pre-A1 vale un livello). Conta nel periodo dell''uscita. Chi ha l''ingresso ma non l''uscita non conta.',
 'Persons with an Italian L2 exit assessment dated in the period and an entry assessment on or before that day, in the same record, the exit at least one level above the entry on the ordered scale pre-alpha < alpha < pre-A1 < A1 < A2 < B1 < B2 < C1 < C2 (alpha to pre-A1 is one level). Counted in the period of the exit. Whoever has an entry but no exit does not count.',
 'PERSONS', 'LEVEL_GAIN', '{ITALIAN_L2}', '{NETWORK,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('AMIF-R9', 60, 'AMIF_RESULT', 'Reg. (UE) 2021/1147, all. VIII, OS2 result 9', 'OS3', null,
 'Partecipanti che dichiarano che l''attività è stata utile per la loro integrazione',
 'Participants who report that the activity was helpful for their integration',
 'persone', 'persons',
 'Persone che, nel questionario di fine attività compilato nel periodo, rispondono «sì» alla domanda sull''utilità per l''integrazione («in parte» non conta). Una persona che risponde per due attività conta una volta.',
 'Persons who, in an end-of-activity survey answered in the period, answer "yes" to the question on helpfulness for their integration ("partly" does not count). A person answering for two activities counts once.',
 'PERSONS', 'SURVEY_HELPFUL', '{YES}', '{NETWORK,ACTION,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('AMIF-R10', 70, 'AMIF_RESULT', 'Reg. (UE) 2021/1147, all. VIII, OS2 result 10', 'OS2', '02',
 'Partecipanti che hanno chiesto il riconoscimento o la valutazione di titoli o competenze acquisiti in un Paese terzo',
 'Participants who applied for recognition or assessment of a qualification or skills acquired in a third country',
 'persone', 'persons',
 'Persone con un esito «domanda di riconoscimento del titolo» datato nel periodo.',
 'Persons with a "qualification recognition applied for" outcome dated in the period.',
 'PERSONS', 'OUTCOME', '{QUALIFICATION_RECOGNITION}', '{NETWORK,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('AMIF-R11', 80, 'AMIF_RESULT', 'Reg. (UE) 2021/1147, all. VIII, OS2 result 11', 'OS2', null,
 'Partecipanti che hanno chiesto lo status di soggiornante di lungo periodo',
 'Participants who applied for long-term residence status',
 'persone', 'persons',
 'Persone con un esito «domanda di permesso UE per soggiornanti di lungo periodo» datato nel periodo.',
 'Persons with a "long-term residence applied for" outcome dated in the period.',
 'PERSONS', 'OUTCOME', '{LONG_TERM_RESIDENCE}', '{NETWORK,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('P0-ACTIVITIES', 5, 'PROJECT', null, 'OS1', null,
 'Attività svolte', 'Activities run',
 'attività', 'activities',
 'Attività non annullate svolte (anche in parte) nel periodo, cioè con almeno un giorno tra la data d''inizio e quella di fine nel periodo. Conta il comune in cui si svolgono.',
 'Activities not cancelled running (even partly) in the period, that is with at least one day between their start and end dates in the period. Counted in the comune where they take place.',
 'THINGS', 'ACTIVITIES', '{}', '{NETWORK,ACTION,ACTIVITY_TYPE,PROVINCE,COMUNE}'),
('P1-TIES', 100, 'PROJECT', null, 'OS1', '01',
 'Legami di cooperazione attivi tra attori locali', 'Active cooperation ties between local actors',
 'legami', 'ties',
 'Coppie distinte di organizzazioni che co-realizzano almeno un''attività svolta (anche in parte) nel periodo. Nella riga di una rete contano le coppie delle attività di quella rete. Fonte attuale: le attività co-realizzate; riunioni, accordi e invii si aggiungeranno con il modulo di cooperazione.',
 'Distinct pairs of organisations co-delivering at least one activity running (even partly) in the period. A network''s row counts the pairs of that network''s activities. Current source: co-delivered activities; meetings, agreements and referrals will join with the cooperation module.',
 'THINGS', 'TIES', '{}', '{NETWORK}'),
('P1-TIES-X', 101, 'PROJECT', null, 'OS1', '01',
 'di cui: legami tra settori diversi', 'of which: ties across sectors',
 'legami', 'ties',
 'Legami come sopra tra due organizzazioni di tipo diverso (per esempio un ente locale e un centro per l''impiego).',
 'Ties as above between two organisations of different kinds (for example a local authority and a job centre).',
 'THINGS', 'TIES_CROSS_SECTOR', '{}', '{NETWORK}'),
('P1-ASSOC', 110, 'PROJECT', null, 'OS1', '01',
 'Associazioni di migranti e di nuove generazioni coinvolte', 'Migrant and new-generation associations involved',
 'associazioni', 'associations',
 'Associazioni di migranti o di nuove generazioni che co-realizzano almeno un''attività svolta (anche in parte) nel periodo.',
 'Migrant or new-generation associations co-delivering at least one activity running (even partly) in the period.',
 'THINGS', 'ORGANISATIONS_INVOLVED', '{MIGRANT_ASSOCIATION,NEW_GENERATION_ASSOCIATION}', '{NETWORK}'),
('P1-COMUNI', 120, 'PROJECT', null, 'OS1', '01',
 'Comuni coperti dalle reti', 'Comuni covered by the networks',
 'comuni', 'comuni',
 'Comuni attribuiti a una rete territoriale, come risultano oggi (l''attribuzione non ha date: il valore è lo stesso in ogni periodo).',
 'Comuni assigned to a territorial network, as they stand today (the assignment has no dates: the value is the same in every period).',
 'STOCK', 'COMUNI_COVERED', '{}', '{NETWORK,PROVINCE,COMUNE}'),
('P1-POP', 121, 'PROJECT', null, 'OS1', '01',
 'Popolazione residente nei comuni coperti', 'Resident population of the comuni covered',
 'abitanti', 'residents',
 'Somma dei residenti (fonte ANPR, dati di riferimento) dei comuni coperti dalle reti.',
 'Sum of the residents (ANPR, reference data) of the comuni covered by the networks.',
 'STOCK', 'POPULATION_COVERED', '{}', '{NETWORK,PROVINCE}'),
('P2-DIGITAL', 200, 'PROJECT', null, 'OS2', '02',
 'Partecipanti che hanno migliorato il livello di competenza digitale', 'Participants whose digital level improved',
 'persone', 'persons',
 'Persone con una valutazione DigComp complessiva d''uscita datata nel periodo, almeno un livello (1–8) sopra quella d''ingresso precedente, nella stessa scheda. Conta nel periodo dell''uscita.',
 'Persons with an overall DigComp exit assessment dated in the period, at least one level (1–8) above the earlier entry assessment, in the same record. Counted in the period of the exit.',
 'PERSONS', 'LEVEL_GAIN', '{DIGCOMP}', '{NETWORK,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('P2-L2-EXIT', 210, 'PROJECT', null, 'OS2', '02',
 'Partecipanti con valutazione di italiano in uscita', 'Participants with an Italian exit assessment',
 'persone', 'persons',
 'Persone con una valutazione di italiano L2 d''uscita datata nel periodo e una d''ingresso precedente nella stessa scheda (la base del tasso di successo).',
 'Persons with an Italian L2 exit assessment dated in the period and an earlier entry assessment in the same record (the base of the success rate).',
 'PERSONS', 'LEVEL_ASSESSED', '{ITALIAN_L2}', '{NETWORK,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('P2-L2-RATE', 211, 'PROJECT', null, 'OS2', '02',
 'Tasso di successo nei corsi di italiano', 'Success rate in Italian courses',
 '%', '%',
 'AMIF-R8 diviso P2-L2-EXIT, in percentuale, nello stesso periodo e nella stessa riga. Non pubblicato se la base è sotto la soglia delle celle piccole.',
 'AMIF-R8 divided by P2-L2-EXIT, as a percentage, in the same period and row. Not published when the base is under the small-cell threshold.',
 'RATIO', 'RATIO', '{AMIF-R8,P2-L2-EXIT}', '{NETWORK}'),
('P2-STW', 220, 'PROJECT', null, 'OS2', '02',
 'Partecipanti a percorsi di transizione scuola-lavoro', 'Participants in school-to-work transition paths',
 'persone', 'persons',
 'Persone presenti ad almeno un incontro, nel periodo, di un percorso di transizione scuola-lavoro (SCHOOL_TO_WORK).',
 'Persons present at one or more sessions, in the period, of a school-to-work transition path (SCHOOL_TO_WORK).',
 'PERSONS', 'PRESENCE', '{SCHOOL_TO_WORK}', '{NETWORK,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('P2-SKILLS', 230, 'PROJECT', null, 'OS2', '02',
 'Bilanci di competenze completati', 'Skills assessments completed',
 'persone', 'persons',
 'Persone che hanno completato, con data di fine nel periodo, un''attività di bilancio e messa in trasparenza delle competenze (SKILLS_TRANSPARENCY): iscrizione in stato «completata».',
 'Persons who completed, with an end date in the period, a skills-assessment and transparency activity (SKILLS_TRANSPARENCY): enrolment in status "completed".',
 'PERSONS', 'COMPLETED', '{SKILLS_TRANSPARENCY}', '{NETWORK,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('P3-DESK', 300, 'PROJECT', null, 'OS3', '03',
 'Contatti agli sportelli informativi', 'Information-desk contacts',
 'contatti', 'contacts',
 'Presenze registrate, nel periodo, agli incontri delle attività di sportello informativo (INFO_DESK): ogni persona presente a un''apertura dello sportello è un contatto; la stessa persona in due aperture fa due contatti.',
 'Presences recorded, in the period, at the sessions of information-desk activities (INFO_DESK): each person present at one opening of the desk is a contact; the same person at two openings makes two contacts.',
 'THINGS', 'CONTACTS', '{INFO_DESK}', '{NETWORK}'),
('P3-INFO', 310, 'PROJECT', null, 'OS3', '03',
 'Partecipanti a incontri informativi', 'Participants in information sessions',
 'persone', 'persons',
 'Persone presenti ad almeno un incontro informativo (INFO_SESSION) nel periodo.',
 'Persons present at one or more information sessions (INFO_SESSION) in the period.',
 'PERSONS', 'PRESENCE', '{INFO_SESSION}', '{NETWORK,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}'),
('P3-COMMUNITY', 320, 'PROJECT', null, 'OS3', '03',
 'Partecipanti ad attività di partecipazione comunitaria', 'Participants in community-participation activities',
 'persone', 'persons',
 'Persone presenti ad almeno un incontro, nel periodo, di un''attività di partecipazione comunitaria (COMMUNITY_PARTICIPATION).',
 'Persons present at one or more sessions, in the period, of a community-participation activity (COMMUNITY_PARTICIPATION).',
 'PERSONS', 'PRESENCE', '{COMMUNITY_PARTICIPATION}', '{NETWORK,ACTIVITY_TYPE,PROVINCE,SEX,AGE_BAND,CITIZENSHIP,VULNERABILITY}');
