package it.labimpact.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Codice fiscale and provisional code validation, without Spring. */
class TaxCodeTest {

    @Test
    void acceptsAValidPersonalCode() {
        assertThat(TaxCode.problem("RSSMRA85T10A562S")).isEmpty();
        assertThat(TaxCode.kindOf("RSSMRA85T10A562S")).contains(TaxCode.Kind.PERSONAL);
        assertThat(TaxCode.isValid("BNCLRA92E52F205Y")).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(TaxCode.problem("RSSMRA85T10A562T")).contains(TaxCode.Problem.CHECK_CHARACTER);
        assertThat(TaxCode.problem("RSSMRA85T10A563S")).as("one digit changed").contains(TaxCode.Problem.CHECK_CHARACTER);
    }

    @Test
    void acceptsOmocodiaSubstitutionsWithTheirOwnCheckCharacter() {
        assertThat(TaxCode.problem("RSSMRA85T10A56NH")).as("last digit 2 written N").isEmpty();
        assertThat(TaxCode.problem("RSSMRA85T10A5MNN")).as("two substitutions").isEmpty();
        assertThat(TaxCode.problem("RSSMRA8RT10A562E")).as("a year digit substituted").isEmpty();
        assertThat(TaxCode.problem("RSSMRA85T10A56NS")).as("substituted but old check character")
                .contains(TaxCode.Problem.CHECK_CHARACTER);
        assertThat(TaxCode.problem("RSSMRA85T10A56WS")).as("W is not an omocodia letter")
                .contains(TaxCode.Problem.FORMAT);
    }

    @Test
    void toleratesLowerCaseAndSpaces() {
        assertThat(TaxCode.normalise(" rss mra 85t10 a562s ")).isEqualTo("RSSMRA85T10A562S");
        assertThat(TaxCode.isValid("rssmra85t10a562s")).isTrue();
        assertThat(TaxCode.isValid("RSS MRA 85T10 A562S")).isTrue();
    }

    @Test
    void refusesWrongLengthsAndShapes() {
        assertThat(TaxCode.problem("RSSMRA85T10A562")).contains(TaxCode.Problem.FORMAT);
        assertThat(TaxCode.problem("RSSMRA85T10A562SX")).contains(TaxCode.Problem.FORMAT);
        assertThat(TaxCode.problem("1234567890")).contains(TaxCode.Problem.FORMAT);
        assertThat(TaxCode.problem("RSSMRA85Z10A562S")).as("Z is not a month letter").contains(TaxCode.Problem.FORMAT);
    }

    @Test
    void aBlankCodeIsNotAProblemBecauseItIsOptional() {
        assertThat(TaxCode.problem(null)).isEmpty();
        assertThat(TaxCode.problem("   ")).isEmpty();
        assertThat(TaxCode.normalise("  ")).isNull();
    }

    @Test
    void validatesElevenDigitProvisionalCodes() {
        assertThat(TaxCode.problem("12345678903")).isEmpty();
        assertThat(TaxCode.problem("80012345676")).isEmpty();
        assertThat(TaxCode.kindOf("80012345676")).contains(TaxCode.Kind.PROVISIONAL);
        assertThat(TaxCode.problem("12345678904")).contains(TaxCode.Problem.CHECK_CHARACTER);
        assertThat(TaxCode.problem("80012345670")).contains(TaxCode.Problem.CHECK_CHARACTER);
        assertThat(TaxCode.problem("1234567890A")).contains(TaxCode.Problem.FORMAT);
    }

    @Test
    void readsTheBirthDateAndSexEncodedInAPersonalCode() {
        TaxCode.Encoded mario = TaxCode.encoded("RSSMRA85T10A562S").orElseThrow();
        assertThat(mario).isEqualTo(new TaxCode.Encoded(85, 12, 10, Sex.M));
        assertThat(mario.matchesBirthDate(LocalDate.of(1985, 12, 10))).isTrue();
        assertThat(mario.matchesBirthDate(LocalDate.of(1985, 12, 11))).isFalse();

        TaxCode.Encoded laura = TaxCode.encoded("BNCLRA92E52F205Y").orElseThrow();
        assertThat(laura).isEqualTo(new TaxCode.Encoded(92, 5, 12, Sex.F));

        assertThat(TaxCode.encoded("RSSMRA8RT10A562E").orElseThrow().yearOfCentury()).as("omocodia undone").isEqualTo(85);
        assertThat(TaxCode.encoded("12345678903")).as("provisional codes encode nothing").isEmpty();
        assertThat(TaxCode.encoded("RSSMRA85T10A562T")).isEmpty();
    }
}
