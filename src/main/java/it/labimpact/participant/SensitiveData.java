package it.labimpact.participant;

import java.time.LocalDate;
import java.util.List;

/** Sensitive optional data, shown only to roles that serve the person (not to system administrators). */
public record SensitiveData(List<Vulnerability> vulnerabilities, PermitType permitType, LocalDate permitExpiry) {

    public SensitiveData {
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
    }
}
