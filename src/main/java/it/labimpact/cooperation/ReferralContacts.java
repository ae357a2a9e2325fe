package it.labimpact.cooperation;

import java.time.LocalDate;

/**
 * The personal data of a referred participant the receiving side may see under the consent recorded: names and
 * contacts; birth date, country of birth and code only when the consent covers registration.
 */
public record ReferralContacts(String surname, String givenNames, String phone, String email, LocalDate birthDate,
        String birthCountry, String taxCode) {
}
