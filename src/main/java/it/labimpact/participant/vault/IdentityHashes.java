package it.labimpact.participant.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256 with the secret pepper) of a person's normalised identity, for de-duplication
 * across networks without sharing personal data: equal hashes mean the same identity, and without the
 * pepper a hash cannot be recomputed from a guessed name.
 *
 * <ul>
 * <li>{@code CODE}: the codice fiscale or provisional code, upper case, as written (omocodia letters kept:
 * an omocodic code is a different person's base code).</li>
 * <li>{@code NAME_DOB_SEX_COUNTRY}: surname, given names, birth date, sex, country of birth.</li>
 * <li>Near keys, for the review queue: the two names in either order with the birth date, and the same with
 * one letter deleted from either name, so swapped names and one-letter typos (a letter wrong, missing,
 * added, or two neighbours swapped) share at least one key. Truncated to 64 bits: they only propose
 * candidates to a person.</li>
 * </ul>
 * Names are normalised to the letters A–Z: accents, spaces, apostrophes and hyphens dropped.
 */
public final class IdentityHashes {

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^A-Z]");

    private final SecretKeySpec pepper;
    /** One HMAC per thread, initialised with the pepper once ({@code doFinal} leaves it ready for the next). */
    private final ThreadLocal<Mac> macs;

    public IdentityHashes(VaultKeys keys) {
        this.pepper = new SecretKeySpec(keys.pepper(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(pepper);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public byte[] code(String normalisedCode) {
        return hmac("CODE|" + normalisedCode);
    }

    public byte[] person(String surname, String givenNames, LocalDate birthDate, String sex, String birthCountry) {
        return hmac("NDSC|" + name(surname) + "|" + name(givenNames) + "|" + birthDate + "|" + sex + "|"
                + birthCountry.toUpperCase(Locale.ROOT));
    }

    public Set<Long> nearKeys(String surname, String givenNames, LocalDate birthDate) {
        String s = name(surname);
        String g = name(givenNames);
        Set<Long> keys = new TreeSet<>();
        keys.add(near(s, g, birthDate));
        for (int i = 0; i < s.length(); i++) {
            keys.add(near(s.substring(0, i) + s.substring(i + 1), g, birthDate));
        }
        for (int i = 0; i < g.length(); i++) {
            keys.add(near(s, g.substring(0, i) + g.substring(i + 1), birthDate));
        }
        return keys;
    }

    /** Upper-case letters A–Z only. */
    public static String name(String raw) {
        if (raw == null) {
            return "";
        }
        String decomposed = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(decomposed.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    private long near(String a, String b, LocalDate birthDate) {
        boolean inOrder = a.compareTo(b) <= 0;
        String first = inOrder ? a : b;
        String second = inOrder ? b : a;
        return ByteBuffer.wrap(hmac("NEAR|" + first + "|" + second + "|" + birthDate)).getLong();
    }

    private byte[] hmac(String text) {
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
