package it.labimpact.identity;

import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Actor;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for machine clients. A token is shown once at creation; only its SHA-256 is stored, so a
 * copy of the database gives no usable token. Tokens act with their owner's role and scope.
 */
@Service
@Transactional
public class ApiTokens {

    /** Prefix that makes a leaked token recognisable by secret scanners. */
    public static final String PREFIX = "lip_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AuditTrail audit;

    ApiTokens(JdbcClient jdbc, UserRepository users, AuditTrail audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    /** A new token's secret, to show once. */
    public record Created(long id, String secret) {
    }

    public Created create(String name, int days) {
        Actor actor = Actor.require();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new RuleViolationException("name", "token.name.invalid");
        }
        if (days < 1 || days > 365) {
            throw new RuleViolationException("days", "token.days.range", 1, 365);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long id = jdbc.sql("""
                insert into identity_api_token (user_id, name, token_hash, token_prefix, expires_at)
                values (:user, :name, :hash, :prefix, :expires) returning id""")
                .param("user", actor.userId()).param("name", name.strip()).param("hash", sha256(secret))
                .param("prefix", secret.substring(0, 10))
                .param("expires", Timestamp.from(Instant.now().plus(days, ChronoUnit.DAYS)))
                .query(Long.class).single();
        audit.record("identity.token.create", "identity_api_token", id, Map.of("name", name.strip(), "days", days));
        return new Created(id, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return jdbc.sql("select * from identity_api_token where user_id = :user order by created_at desc")
                .param("user", Actor.require().userId())
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** Revokes one of the actor's own tokens; another user's token id answers 404. */
    public void revoke(long id) {
        int n = jdbc.sql("""
                update identity_api_token set revoked_at = now()
                where id = :id and user_id = :user and revoked_at is null""")
                .param("id", id).param("user", Actor.require().userId()).update();
        if (n == 0) {
            throw new RecordNotFoundException("token", id);
        }
        audit.record("identity.token.revoke", "identity_api_token", id, Map.of());
    }

    /**
     * The account a presented secret acts for, when the token is known, active and its owner enabled. The token's
     * last use is written at most once a minute: a client sending many requests at once would otherwise queue them
     * all on the lock of the token's row.
     */
    public Optional<UserAccount> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(secret);
        Optional<Long> user = jdbc.sql("""
                select user_id from identity_api_token
                where token_hash = :hash and revoked_at is null and expires_at > now()""")
                .param("hash", hash).query(Long.class).optional();
        if (user.isPresent()) {
            jdbc.sql("""
                    update identity_api_token set last_used_at = now() where token_hash = :hash
                    and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                    .param("hash", hash).update();
        }
        return user.flatMap(users::byId).filter(UserAccount::enabled);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
