package it.labimpact.participant;

import it.labimpact.participant.vault.Vault;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/** Turns a participant's personal and sensitive data into a vault row and back, through the {@link Vault}. */
@Component
class SealedFields {

    /** What a vault row holds, opened. */
    record Opened(PersonalData personal, SensitiveData sensitive) {
    }

    private final Vault vault;

    SealedFields(Vault vault) {
        this.vault = vault;
    }

    /** A new vault row under a fresh data key. */
    ParticipantRepository.VaultRow seal(UUID id, ParticipantData data) {
        return seal(id, vault.newDataKey(), data);
    }

    /** The row re-sealed with new values under the same data key, wrapped under the current master key. */
    ParticipantRepository.VaultRow reseal(ParticipantRepository.VaultRow existing, ParticipantData data) {
        return seal(existing.participantId(), dataKey(existing), data);
    }

    Opened open(ParticipantRepository.VaultRow row) {
        SecretKey key = dataKey(row);
        Map<String, String> v = new HashMap<>();
        ParticipantRepository.FIELDS.forEach(f -> v.put(f, vault.open(key, row.participantId(), f, row.fields().get(f))));
        PersonalData personal = new PersonalData(v.get("surname"), v.get("given_names"),
                LocalDate.parse(v.get("birth_date")), v.get("birth_country"), v.get("tax_code"), v.get("phone"),
                v.get("email"));
        List<Vulnerability> vulnerabilities = v.get("vulnerabilities") == null ? List.of()
                : Arrays.stream(v.get("vulnerabilities").split(",")).filter(s -> !s.isEmpty())
                        .map(Vulnerability::valueOf).toList();
        SensitiveData sensitive = new SensitiveData(vulnerabilities,
                v.get("permit_type") == null ? null : PermitType.valueOf(v.get("permit_type")),
                v.get("permit_expiry") == null ? null : LocalDate.parse(v.get("permit_expiry")));
        return new Opened(personal, sensitive);
    }

    /** Only the surname, for the surname search. */
    String surname(ParticipantRepository.VaultRow row) {
        return vault.open(dataKey(row), row.participantId(), "surname", row.fields().get("surname"));
    }

    /** Re-wraps the row's data key under the current master key (key rotation). */
    Vault.WrappedKey rewrapped(ParticipantRepository.VaultRow row) {
        return vault.wrap(row.participantId(), dataKey(row));
    }

    boolean isWrappedUnderCurrentKey(ParticipantRepository.VaultRow row) {
        return vault.isCurrent(new Vault.WrappedKey(row.keyId(), row.wrappedKey()));
    }

    private SecretKey dataKey(ParticipantRepository.VaultRow row) {
        return vault.unwrap(row.participantId(), new Vault.WrappedKey(row.keyId(), row.wrappedKey()));
    }

    private ParticipantRepository.VaultRow seal(UUID id, SecretKey key, ParticipantData d) {
        Map<String, String> plain = new HashMap<>();
        plain.put("surname", d.surname().strip());
        plain.put("given_names", d.givenNames().strip());
        plain.put("birth_date", d.birthDate().toString());
        plain.put("birth_country", d.birthCountry().strip().toUpperCase(java.util.Locale.ROOT));
        plain.put("tax_code", TaxCode.normalise(d.taxCode()));
        plain.put("phone", blankToNull(d.phone()));
        plain.put("email", blankToNull(d.email()));
        plain.put("vulnerabilities", d.vulnerabilities().isEmpty() ? null
                : d.vulnerabilities().stream().distinct().map(Enum::name).collect(Collectors.joining(",")));
        plain.put("permit_type", d.permitType() == null ? null : d.permitType().name());
        plain.put("permit_expiry", d.permitExpiry() == null ? null : d.permitExpiry().toString());
        Map<String, byte[]> sealed = new HashMap<>();
        plain.forEach((field, value) -> sealed.put(field, vault.seal(key, id, field, value)));
        Vault.WrappedKey wrapped = vault.wrap(id, key);
        return new ParticipantRepository.VaultRow(id, wrapped.keyId(), wrapped.bytes(), sealed);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
