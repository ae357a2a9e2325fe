package it.labimpact.participant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What an operator enters about a participant, validated the same way on pages and API. Surname, given names,
 * birth date and country of birth are always required — also when a code is given: staff recognise people by
 * name, and the near-match review compares names. The codice fiscale (or provisional code), phone and e-mail
 * are optional; so are the sensitive fields (vulnerabilities, residence permit).
 *
 * @param residence the comune of residence: its ISTAT code, or its name when only one comune has it
 */
public record ParticipantData(
        @NotBlank @Size(max = 100) String surname,
        @NotBlank @Size(max = 100) String givenNames,
        @NotNull Sex sex,
        @NotNull @Past LocalDate birthDate,
        @NotBlank @CountryCode String birthCountry,
        @NotBlank @CountryCode String citizenship,
        @ValidTaxCode String taxCode,
        @NotBlank @Size(max = 100) String residence,
        @NotNull @PastOrPresent LocalDate firstContactDate,
        @Pattern(regexp = "^$|^[+0-9 ./()-]{5,30}$", message = "{participant.phone.invalid}") String phone,
        @Email @Size(max = 200) String email,
        List<Vulnerability> vulnerabilities,
        PermitType permitType,
        LocalDate permitExpiry) {

    public ParticipantData {
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
    }

    /** The same data with the sensitive fields replaced. */
    public ParticipantData withSensitive(SensitiveData sensitive) {
        return new ParticipantData(surname, givenNames, sex, birthDate, birthCountry, citizenship, taxCode, residence,
                firstContactDate, phone, email, sensitive.vulnerabilities(), sensitive.permitType(),
                sensitive.permitExpiry());
    }

    public SensitiveData sensitive() {
        return new SensitiveData(vulnerabilities, permitType, permitExpiry);
    }
}
