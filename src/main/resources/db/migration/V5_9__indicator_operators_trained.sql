-- indicator: "operators trained" (objective 1, intercultural capacity of services and operators), from the
-- cooperation module's published fact view cooperation_fact_operator_training.
insert into indicator_definition (code, position, kind, fund_reference, objective, action, label_it, label_en,
    unit_it, unit_en, definition_it, definition_en, rule, computation, parameters, breakdowns) values
('P1-OPERATORS', 105, 'PROJECT', null, 'OS1', '01',
 'Operatori formati', 'Operators trained',
 'operatori', 'operators',
 'Operatori (personale dei servizi, non partecipanti) che hanno frequentato almeno il 70% delle ore di una formazione sulle competenze interculturali, l''antidiscriminazione, il quadro normativo o la mediazione terminata nel periodo. Ogni operatore conta una volta per periodo, anche se ha frequentato più formazioni (lo stesso nome e cognome nella stessa organizzazione è la stessa persona). Per rete: le formazioni della rete; le formazioni a livello di progetto contano solo nel totale di progetto.',
 'Operators (staff of the services, not participants) who attended at least 70% of the hours of a training on intercultural skills, anti-discrimination, the legal framework or mediation that ended in the period. Each operator counts once per period, even after several trainings (the same name and surname in the same organisation is the same person). Per network: the network''s trainings; project-wide trainings count in the project total only.',
 'THINGS', 'OPERATORS_TRAINED', '{}', '{NETWORK}');
