-- participant: first version of the privacy notice shown at registration. A starting text: the regional
-- coordinator reviews it with the data protection officer and publishes new versions from the platform.

insert into participant_privacy_notice (version, language, body, published_by) values
(1, 'it', 'Informativa sul trattamento dei dati personali (bozza da verificare con il Responsabile della protezione dei dati)

Titolare del trattamento è Regione Lombardia, capofila del progetto Lab''Impact, cofinanziato dall''Unione europea con il Fondo Asilo, Migrazione e Integrazione (FAMI) 2021-2027. L''organizzazione che ti registra tratta i dati per conto del progetto.

Raccogliamo solo i dati necessari a erogarti i servizi del progetto e a misurarne i risultati: sesso, data e paese di nascita, cittadinanza, comune di residenza, data del primo contatto e, se li fornisci, codice fiscale, telefono ed e-mail. Le informazioni su eventuali vulnerabilità e sul permesso di soggiorno sono facoltative.

I dati personali sono cifrati e visibili solo agli operatori della rete che ti segue e al coordinamento regionale. I valutatori ricevono solo dati pseudonimizzati, senza nomi né codici. Gli indicatori inviati al Fondo sono aggregati.

I dati sono conservati fino a cinque anni dopo la chiusura del progetto, poi cancellati in modo irreversibile. Puoi chiedere in ogni momento di vedere i tuoi dati, correggerli o cancellarli rivolgendoti all''operatore che ti ha registrato.', 'system'),
(1, 'en', 'Privacy notice (draft to be checked with the data protection officer)

The controller is Regione Lombardia, lead of the Lab''Impact project, co-funded by the European Union through the Asylum, Migration and Integration Fund (AMIF) 2021-2027. The organisation that registers you processes the data on the project''s behalf.

We collect only the data needed to provide the project''s services to you and to measure their results: sex, date and country of birth, citizenship, comune of residence, date of first contact and, if you give them, tax code, phone and e-mail. Information on vulnerabilities and on your residence permit is optional.

Personal data is encrypted and visible only to the staff of the network that serves you and to the regional coordination. Evaluators receive pseudonymised data only, without names or codes. The indicators sent to the Fund are aggregated.

The data is kept until five years after the end of the project, then erased irreversibly. You may ask at any time to see, correct or erase your data by contacting the staff member who registered you.', 'system');
