package it.labimpact.identity;

import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator of an empty production database from
 * {@code labimpact.bootstrap-admin.username} and {@code .password} (environment variables, never the
 * repository). Does nothing once any administrator exists, so the variables can be removed after the
 * first start.
 */
@Component
@Order(30)
class BootstrapAdmin implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(BootstrapAdmin.class);

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final AuditTrail audit;
    private final String username;
    private final String password;

    BootstrapAdmin(JdbcClient jdbc, UserManagement users, AuditTrail audit,
            @Value("${labimpact.bootstrap-admin.username:}") String username,
            @Value("${labimpact.bootstrap-admin.password:}") String password) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank()) {
            return;
        }
        long admins = jdbc.sql("select count(*) from identity_user where role = 'ADMIN'").query(Long.class).single();
        if (admins > 0) {
            return;
        }
        UserManagement.checkPassword(username, password);
        long id = users.createDemoOrBootstrap(new UserData(username, "Amministratore di sistema", null, Role.ADMIN,
                ScopeType.PROJECT, null, null, null), password, false);
        audit.recordAs("system", "identity.user.bootstrap", "identity_user", id, Map.of("username", username));
        log.info("Created the first administrator '" + username + "'");
    }
}
