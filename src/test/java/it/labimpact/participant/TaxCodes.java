package it.labimpact.participant;

/** Valid personal tax codes for synthetic data (benchmarks): the check character the registry verifies. */
public final class TaxCodes {

    private TaxCodes() {
    }

    /** {@code first15} followed by its check character. */
    public static String personal(String first15) {
        return first15 + TaxCode.personalCheckCharacter(first15);
    }
}
