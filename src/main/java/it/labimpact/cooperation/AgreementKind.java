package it.labimpact.cooperation;

/** The kinds of agreement between organisations. */
public enum AgreementKind {
    /** Protocollo d'intesa. */
    PROTOCOL,
    /** Accordo di co-progettazione. */
    CO_DESIGN,
    /** Convenzione. */
    SERVICE
}
