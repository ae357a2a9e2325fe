package it.labimpact.identity;

import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over {@code identity_user}. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> byId(long id) {
        return jdbc.sql("select * from identity_user where id = :id").param("id", id)
                .query(UserRepository::account).optional();
    }

    Optional<UserAccount> byUsername(String username) {
        return jdbc.sql("select * from identity_user where username = :u").param("u", username.toLowerCase())
                .query(UserRepository::account).optional();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from identity_user where username = :u")
                .param("u", username.toLowerCase()).query(String.class).optional();
    }

    Optional<UserAccount> byOidc(String subject, String email) {
        return jdbc.sql("""
                select * from identity_user where oidc_subject = :subject
                   or (:email::text is not null and lower(email) = lower(:email::text))
                order by (oidc_subject = :subject) desc nulls last limit 1""")
                .param("subject", subject).param("email", email).query(UserRepository::account).optional();
    }

    List<UserAccount> search(String text) {
        String like = text == null || text.isBlank() ? "%" : "%" + text.strip().toLowerCase()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select * from identity_user
                where username like :q or lower(display_name) like :q or lower(coalesce(email, '')) like :q
                order by username limit 500""").param("q", like).query(UserRepository::account).list();
    }

    long insert(UserData d, String passwordHash, boolean demo) {
        return jdbc.sql("""
                insert into identity_user (username, display_name, email, password_hash, role, scope_type,
                    network_code, organisation_id, oidc_subject, demo)
                values (:username, :name, :email, :hash, :role, :scope, :network, :org, :oidc, :demo) returning id""")
                .params(params(d)).param("hash", passwordHash).param("demo", demo).query(Long.class).single();
    }

    int update(long id, int version, UserData d) {
        return jdbc.sql("""
                update identity_user set username = :username, display_name = :name, email = :email, role = :role,
                    scope_type = :scope, network_code = :network, organisation_id = :org, oidc_subject = :oidc,
                    version = version + 1
                where id = :id and version = :version""")
                .params(params(d)).param("id", id).param("version", version).update();
    }

    int setPassword(long id, String hash) {
        return jdbc.sql("update identity_user set password_hash = :hash, version = version + 1 where id = :id")
                .param("hash", hash).param("id", id).update();
    }

    int setEnabled(long id, int version, boolean enabled) {
        return jdbc.sql("""
                update identity_user set enabled = :enabled, version = version + 1
                where id = :id and version = :version""")
                .param("enabled", enabled).param("id", id).param("version", version).update();
    }

    void unlock(long id) {
        jdbc.sql("update identity_user set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", id).update();
    }

    /** Counts a failure; locks the account when it reaches {@code max}. Returns whether it is now locked. */
    boolean recordFailure(String username, int max, int lockMinutes) {
        return jdbc.sql("""
                update identity_user set
                    failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
                    locked_until = case when failed_attempts + 1 >= :max
                        then now() + make_interval(mins => :minutes) else locked_until end
                where username = :u returning locked_until is not null and locked_until > now()""")
                .param("max", max).param("minutes", lockMinutes).param("u", username.toLowerCase())
                .query(Boolean.class).optional().orElse(false);
    }

    void recordSuccess(long id) {
        jdbc.sql("update identity_user set failed_attempts = 0, locked_until = null, last_login_at = now() "
                + "where id = :id").param("id", id).update();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from identity_user where username = :u").param("u", username.toLowerCase())
                .query(Long.class).single() > 0;
    }

    private static Map<String, Object> params(UserData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("username", d.username().strip().toLowerCase());
        p.put("name", d.displayName().strip());
        p.put("email", d.email() == null || d.email().isBlank() ? null : d.email().strip());
        p.put("role", d.role().name());
        p.put("scope", d.scope().name());
        p.put("network", d.scope() == ScopeType.PROJECT ? null : d.networkCode());
        p.put("org", d.scope() == ScopeType.ORGANISATION ? d.organisationId() : null);
        p.put("oidc", d.oidcSubject() == null || d.oidcSubject().isBlank() ? null : d.oidcSubject().strip());
        return p;
    }

    private static UserAccount account(ResultSet rs, int n) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), Role.valueOf(rs.getString("role")),
                ScopeType.valueOf(rs.getString("scope_type")), rs.getString("network_code"),
                (Long) rs.getObject("organisation_id"), rs.getString("oidc_subject"), rs.getBoolean("enabled"),
                instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("last_login_at")),
                rs.getBoolean("demo"), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
