package it.labimpact.participant;

import java.time.LocalDate;

/** The identifying personal data of a participant, as decrypted from the vault. */
public record PersonalData(String surname, String givenNames, LocalDate birthDate, String birthCountry,
        String taxCode, String phone, String email) {
}
