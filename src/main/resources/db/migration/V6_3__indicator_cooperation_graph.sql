-- indicator: the rest of the cooperation metrics of objective 1 join the catalogue, so that approving a quarter
-- stores them in its snapshot like every other indicator (the scorecard shows an approved quarter's values from
-- it), and P1-COOP-NEW's baseline follows the project's start.

-- The baseline of "new ties" is the project's first quarter, derived from labimpact.indicators.project-start in
-- one place (IndicatorSettings.firstQuarter) for the engine and the cooperation module: no parameter to keep in step.
update indicator_definition set parameters = '{}',
    definition_it = 'Legami attivi nel periodo (come sopra) tra due organizzazioni che non avevano alcun legame attivo, in nessuna rete, nel primo trimestre del progetto (la situazione iniziale: il trimestre in cui cade l''inizio del progetto, labimpact.indicators.project-start). Nel primo trimestre il valore è zero.',
    definition_en = 'Ties active in the period (as above) between two organisations that had no active tie, in any network, in the project''s first quarter (the baseline: the quarter of the project''s start, labimpact.indicators.project-start). In the first quarter the value is zero.'
where code = 'P1-COOP-NEW';

insert into indicator_definition (code, position, kind, fund_reference, objective, action, label_it, label_en,
    unit_it, unit_en, definition_it, definition_en, rule, computation, parameters, breakdowns) values
('P1-COOP-MEMBERS', 111, 'PROJECT', null, 'OS1', '01',
 'Organizzazioni membro delle reti', 'Member organisations of the networks',
 'organizzazioni', 'organisations',
 'Organizzazioni membro della rete per almeno un giorno del periodo. Nel totale di progetto, le organizzazioni membro di almeno una rete, contate una volta.',
 'Organisations that are members of the network on at least one day of the period. In the project total, the organisations that are members of at least one network, counted once.',
 'THINGS', 'COOP_MEMBERS', '{}', '{NETWORK}'),
('P1-COOP-DENSITY', 112, 'PROJECT', null, 'OS1', '01',
 'Densità della rete di cooperazione', 'Density of the cooperation network',
 '%', '%',
 'Legami attivi nel periodo (come in P1-COOP-TIES) tra due organizzazioni entrambe membro, diviso il numero di coppie possibili di membri (n × (n − 1) / 2), in percentuale con un decimale. Nessun valore con meno di due membri. Per il progetto: tutti i legami, anche di progetto, tra membri di qualunque rete.',
 'Ties active in the period (as in P1-COOP-TIES) between two organisations that are both members, divided by the number of possible pairs of members (n × (n − 1) / 2), as a percentage with one decimal. No value with fewer than two members. For the project: every tie, project-wide ones too, between members of any network.',
 'THINGS', 'COOP_DENSITY', '{}', '{NETWORK}'),
('P1-COOP-X-SHARE', 113, 'PROJECT', null, 'OS1', '01',
 'Quota di legami tra tipi di organizzazione diversi', 'Share of ties between different kinds of organisation',
 '%', '%',
 'P1-COOP-X diviso P1-COOP-TIES, in percentuale, nello stesso periodo e nella stessa riga. Nessun valore senza legami.',
 'P1-COOP-X divided by P1-COOP-TIES, as a percentage, in the same period and row. No value without ties.',
 'RATIO', 'RATIO', '{P1-COOP-X,P1-COOP-TIES}', '{NETWORK}'),
('P1-COOP-BRIDGES', 114, 'PROJECT', null, 'OS1', '01',
 'Organizzazioni ponte', 'Bridging organisations',
 'organizzazioni', 'organisations',
 'Organizzazioni con legami attivi nel periodo verso almeno due tipi di organizzazione diversi dal proprio, o con un invio tra due reti; per il progetto anche quelle con legami in due reti diverse.',
 'Organisations with active ties in the period to at least two kinds of organisation other than their own, or with a referral between two networks; for the project also those tied in two different networks.',
 'THINGS', 'COOP_BRIDGES', '{}', '{NETWORK}'),
('P1-COOP-ISOLATES', 115, 'PROJECT', null, 'OS1', '01',
 'Membri isolati', 'Isolated members',
 'organizzazioni', 'organisations',
 'Organizzazioni membro nel periodo senza alcun legame attivo nel periodo (nelle prove della rete; per il progetto, in tutte le prove).',
 'Member organisations in the period without any active tie in the period (in the network''s evidence; for the project, in all evidence).',
 'THINGS', 'COOP_ISOLATES', '{}', '{NETWORK}');
