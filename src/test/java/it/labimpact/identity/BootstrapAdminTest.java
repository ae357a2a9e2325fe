package it.labimpact.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An empty production database gets its first administrator from the environment, once. */
@SpringBootTest(properties = {"labimpact.bootstrap-admin.username=first.admin",
    "labimpact.bootstrap-admin.password=a-long-bootstrap-secret"})
class BootstrapAdminTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BootstrapAdmin bootstrap;

    @Test
    void createsTheFirstAdministratorOnceWithAnArgon2Hash() throws Exception {
        assertThat(jdbc.sql("select password_hash from identity_user where username = 'first.admin' and role = 'ADMIN'")
                .query(String.class).single()).startsWith("{argon2}");

        bootstrap.run(null);

        assertThat(jdbc.sql("select count(*) from identity_user where role = 'ADMIN'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'identity.user.bootstrap'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
