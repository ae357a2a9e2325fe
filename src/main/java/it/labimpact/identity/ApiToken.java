package it.labimpact.identity;

import java.time.Instant;

/** An API token as its owner sees it: never the secret, only its first characters. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null && expiresAt.isAfter(Instant.now());
    }
}
