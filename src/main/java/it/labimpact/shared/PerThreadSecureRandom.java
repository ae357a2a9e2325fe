package it.labimpact.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random bytes from a DRBG of the calling thread's own, seeded from the system on the thread's first call. One
 * shared {@code SecureRandom} generates under one lock: under load the request threads queued there (CSRF masks of
 * every page, the vault's nonces and data keys; docs/benchmarks.md, runs 12 and H).
 */
public final class PerThreadSecureRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    @Override
    public void nextBytes(byte[] bytes) {
        RANDOM.get().nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        return RANDOM.get().generateSeed(numBytes);
    }

    @Override
    public void setSeed(long seed) {
        // the per-thread generators seed themselves (called once by SecureRandom's constructor)
    }

    @Override
    public void setSeed(byte[] seed) {
        RANDOM.get().setSeed(seed);
    }
}
