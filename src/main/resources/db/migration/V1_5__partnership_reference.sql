-- The real Lab'Impact 2 partnership (project description, DOMAIN.md): the project lead, the two
-- supra-local partners and the 13 lead partners of the territorial networks. Seats are given only
-- where the name states them; the other seats and all comuni covered are loaded by an administrator.

insert into partnership_organisation (name, kind, project_role, seat_istat) values
    ('Regione Lombardia', 'REGION', 'PROJECT_LEAD', '015146'),
    ('ANCI Lombardia', 'MUNICIPALITIES_ASSOCIATION', 'GOVERNANCE', null),
    ('Fondazione ISMU', 'RESEARCH', 'TECHNICAL_PARTNER', null),
    ('Risorsa Sociale Gera d''Adda ASC', 'LOCAL_AUTHORITY', null, null),
    ('Azienda Territoriale per i Servizi alla Persona di Ghedi', 'LOCAL_AUTHORITY', null, '017078'),
    ('Azienda Territoriale per i Servizi alla Persona di Vallecamonica – Breno', 'LOCAL_AUTHORITY', null, '017028'),
    ('Azienda Sociale Comasca e Lariana', 'LOCAL_AUTHORITY', null, null),
    ('Comunità Sociale Cremasca', 'LOCAL_AUTHORITY', null, null),
    ('Azienda Speciale Retesalute – Merate', 'LOCAL_AUTHORITY', null, '097048'),
    ('Azienda speciale Consortile Servizi Intercomunali – Acsi', 'LOCAL_AUTHORITY', null, null),
    ('Comune di Biassono – Ambito di Carate Brianza', 'LOCAL_AUTHORITY', null, '108009'),
    ('A.S.C. Comuni insieme per lo Sviluppo Sociale', 'LOCAL_AUTHORITY', null, null),
    ('Comune di Milano', 'LOCAL_AUTHORITY', null, '015146'),
    ('A.S.S.E.MI. (Azienda Sociale Sud Est Milano), capofila del Distretto Sociale Sud Est Milano',
        'LOCAL_AUTHORITY', null, null),
    ('Comune di Siziano', 'LOCAL_AUTHORITY', null, '018150'),
    ('Comunità Montana Valli del Verbano – Area Sociale Ambito Distrettuale di Cittiglio',
        'LOCAL_AUTHORITY', null, '012051');

insert into partnership_network (code, ordinal, name, lead_organisation_id)
select v.code, v.ordinal, v.name, o.id
from (values
    ('gera-dadda', 1, 'Rete Gera d''Adda', 'Risorsa Sociale Gera d''Adda ASC'),
    ('ghedi', 2, 'Rete di Ghedi', 'Azienda Territoriale per i Servizi alla Persona di Ghedi'),
    ('vallecamonica', 3, 'Rete Vallecamonica',
        'Azienda Territoriale per i Servizi alla Persona di Vallecamonica – Breno'),
    ('comasca-lariana', 4, 'Rete Comasca e Lariana', 'Azienda Sociale Comasca e Lariana'),
    ('cremasca', 5, 'Rete Cremasca', 'Comunità Sociale Cremasca'),
    ('retesalute-merate', 6, 'Rete Retesalute – Merate', 'Azienda Speciale Retesalute – Merate'),
    ('acsi', 7, 'Rete Acsi', 'Azienda speciale Consortile Servizi Intercomunali – Acsi'),
    ('carate-brianza', 8, 'Rete Ambito di Carate Brianza', 'Comune di Biassono – Ambito di Carate Brianza'),
    ('comuni-insieme', 9, 'Rete Comuni Insieme', 'A.S.C. Comuni insieme per lo Sviluppo Sociale'),
    ('milano', 10, 'Rete Milano', 'Comune di Milano'),
    ('sud-est-milano', 11, 'Rete Sud Est Milano',
        'A.S.S.E.MI. (Azienda Sociale Sud Est Milano), capofila del Distretto Sociale Sud Est Milano'),
    ('siziano', 12, 'Rete Siziano', 'Comune di Siziano'),
    ('valli-verbano-cittiglio', 13, 'Rete Valli del Verbano – Cittiglio',
        'Comunità Montana Valli del Verbano – Area Sociale Ambito Distrettuale di Cittiglio')
) as v(code, ordinal, name, lead)
join partnership_organisation o on o.name = v.lead;

insert into partnership_membership (network_id, organisation_id, role)
select id, lead_organisation_id, 'LEAD' from partnership_network;
