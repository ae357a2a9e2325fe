-- The activity types of Lab'Impact 2 by action (DOMAIN.md). Administrators add and edit types from
-- /admin/activity-types; counts_for names the indicator (AMIF common or project) a type's participants
-- count under, completion_threshold the share of planned hours that completes the activity.
--
-- Civic orientation is placed under action 03, not 02. Action 02 aims at employability, language and
-- digital skills (OS2); civic orientation teaches rights, duties, institutions and how to use public
-- services, which serves OS3: qualified information and participation in social and political life.
-- It still counts for the AMIF output indicator of its own (3.2, CIVIC_ORIENTATION), whatever the action.
-- Courses delivered together with Italian L2 remain two activities, one of each type.

insert into activity_type (code, action, label_it, label_en, counts_for) values
    ('ITALIAN_L2', '02', 'Corso di italiano L2', 'Italian L2 course', 'LANGUAGE_COURSE'),
    ('CIVIC_ORIENTATION', '03', 'Corso di orientamento civico', 'Civic orientation course', 'CIVIC_ORIENTATION'),
    ('DIGITAL_SKILLS', '02', 'Corso di competenze digitali', 'Digital-skills course', 'DIGITAL_SKILLS'),
    ('PROFESSIONAL_GUIDANCE', '02', 'Orientamento professionale personalizzato', 'Personal professional guidance',
        'PROFESSIONAL_GUIDANCE'),
    ('SKILLS_ASSESSMENT', '02', 'Bilancio e messa in trasparenza delle competenze',
        'Skills assessment and transparency of competences', 'SKILLS_TRANSPARENCY'),
    ('SCHOOL_TO_WORK', '02', 'Percorso di transizione scuola-lavoro', 'School-to-work transition path',
        'SCHOOL_TO_WORK'),
    ('INFO_DESK', '03', 'Sportello informativo', 'Information desk', 'INFO_DESK'),
    ('INFO_SESSION', '03', 'Incontro informativo', 'Information session', 'INFO_SESSION'),
    ('FAMILY_REUNIFICATION', '03', 'Assistenza al ricongiungimento familiare', 'Family-reunification assistance',
        'FAMILY_REUNIFICATION'),
    ('COMMUNITY_EVENT', '03', 'Evento di partecipazione comunitaria', 'Community-participation event',
        'COMMUNITY_PARTICIPATION'),
    ('INTERCULTURAL_MEDIATION', '03', 'Mediazione interculturale', 'Intercultural mediation',
        'INTERCULTURAL_MEDIATION'),
    ('OPERATOR_TRAINING', '01', 'Formazione degli operatori', 'Operator training', 'OPERATOR_TRAINING'),
    ('NETWORK_MEETING', '01', 'Incontro di rete', 'Network meeting', 'NETWORK_MEETING');
