package it.labimpact.participant.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keyed hashes of identities and the near keys that propose possible duplicates. */
class IdentityHashesTest {

    private static final LocalDate DOB = LocalDate.of(1990, 3, 12);
    private final IdentityHashes hashes = new IdentityHashes(new VaultKeys(List.of(new byte[32]), new byte[32]));

    @Test
    void normalisesNamesToPlainLetters() {
        assertThat(IdentityHashes.name(" d'Alì-Ben  Salah ")).isEqualTo("DALIBENSALAH");
        assertThat(hashes.person("Ndiaye", "Fatou", DOB, "F", "sn"))
                .isEqualTo(hashes.person("NDIAYE ", "fatou", DOB, "F", "SN"));
        assertThat(hashes.person("Ndiaye", "Fatou", DOB, "F", "SN"))
                .isNotEqualTo(hashes.person("Ndiaye", "Fatou", DOB, "M", "SN"));
    }

    @Test
    void thePepperMatters() {
        IdentityHashes other = new IdentityHashes(new VaultKeys(List.of(new byte[32]), "x".repeat(32).getBytes()));

        assertThat(other.code("RSSMRA85T10A562S")).isNotEqualTo(hashes.code("RSSMRA85T10A562S"));
    }

    @Test
    void swappedNamesShareANearKey() {
        assertThat(shared(hashes.nearKeys("Ndiaye", "Fatou", DOB), hashes.nearKeys("Fatou", "Ndiaye", DOB))).isTrue();
    }

    @Test
    void oneLetterTyposShareANearKey() {
        Set<Long> original = hashes.nearKeys("Mohamed", "Karim", DOB);
        assertThat(shared(original, hashes.nearKeys("Mohammed", "Karim", DOB))).as("letter added").isTrue();
        assertThat(shared(original, hashes.nearKeys("Mohamad", "Karim", DOB))).as("letter wrong").isTrue();
        assertThat(shared(original, hashes.nearKeys("Mohamed", "Krim", DOB))).as("letter missing").isTrue();
        assertThat(shared(original, hashes.nearKeys("Mohaemd", "Karim", DOB))).as("neighbours swapped").isTrue();
    }

    @Test
    void differentPeopleDoNotShareNearKeys() {
        Set<Long> original = hashes.nearKeys("Mohamed", "Karim", DOB);
        assertThat(shared(original, hashes.nearKeys("Mohamed", "Karim", DOB.plusDays(1)))).isFalse();
        assertThat(shared(original, hashes.nearKeys("Mahmoud", "Karim", DOB))).isFalse();
        assertThat(shared(original, hashes.nearKeys("Mohamed", "Amina", DOB))).isFalse();
    }

    /**
     * The per-thread {@code Mac} gives the hashes a {@code Mac} looked up and initialised per call gave (the hashes
     * stored before), from any thread.
     */
    @Test
    void hashesAreThoseOfAFreshMacFromEveryThread() throws Exception {
        javax.crypto.Mac fresh = javax.crypto.Mac.getInstance("HmacSHA256");
        fresh.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] expected = fresh.doFinal("CODE|RSSMRA85T10A562S".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] person = hashes.person("Ndiaye", "Fatou", DOB, "F", "SN");

        List<Boolean> same = java.util.stream.IntStream.range(0, 64).parallel()
                .mapToObj(i -> java.util.Arrays.equals(hashes.code("RSSMRA85T10A562S"), expected)
                        && java.util.Arrays.equals(hashes.person("Ndiaye", "Fatou", DOB, "F", "SN"), person))
                .toList();
        assertThat(same).containsOnly(true);
        fresh.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
        assertThat(person).isEqualTo(fresh.doFinal("NDSC|NDIAYE|FATOU|1990-03-12|F|SN"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static boolean shared(Set<Long> a, Set<Long> b) {
        Set<Long> both = new HashSet<>(a);
        both.retainAll(b);
        return !both.isEmpty();
    }
}
