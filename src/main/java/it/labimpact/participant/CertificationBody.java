package it.labimpact.participant;

/** The bodies certifying Italian as a foreign language (CILS Siena, CELI Perugia, PLIDA Dante Alighieri, CERT.IT Roma Tre). */
public enum CertificationBody { CILS, CELI, PLIDA, CERT_IT, OTHER }
