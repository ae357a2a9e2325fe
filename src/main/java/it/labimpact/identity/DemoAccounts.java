package it.labimpact.identity;

import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo accounts, one per role, created only in the default run on the embedded database
 * ({@code labimpact.demo.enabled}); all marked {@code demo} and listed in the README.
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.enabled", havingValue = "true")
@Order(20)
class DemoAccounts implements ApplicationRunner {

    /** The demo password, printed in the README; never used outside demo mode. */
    static final String PASSWORD = "LabImpact-demo-2026";
    private static final Log log = LogFactory.getLog(DemoAccounts.class);

    private final UserRepository users;
    private final UserManagement management;

    DemoAccounts(UserRepository users, UserManagement management) {
        this.users = users;
        this.management = management;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<UserData> accounts = List.of(
                account("demo.admin", "Amministratore di sistema (demo)", Role.ADMIN, ScopeType.PROJECT, null),
                account("demo.coordinatore", "Coordinatrice regionale (demo)", Role.COORDINATOR, ScopeType.PROJECT,
                        null),
                account("demo.anci", "Governance ANCI Lombardia (demo)", Role.GOVERNANCE, ScopeType.PROJECT, null),
                account("demo.ismu", "Valutatore Fondazione ISMU (demo)", Role.EVALUATOR, ScopeType.PROJECT, null),
                account("demo.capofila.milano", "Capofila Rete Milano (demo)", Role.NETWORK_LEAD, ScopeType.NETWORK,
                        "milano"),
                account("demo.operatore.milano", "Operatore Rete Milano (demo)", Role.OPERATOR, ScopeType.NETWORK,
                        "milano"),
                account("demo.operatore.cremasca", "Operatrice Rete Cremasca (demo)", Role.OPERATOR,
                        ScopeType.NETWORK, "cremasca"));
        int created = 0;
        for (UserData account : accounts) {
            if (!users.exists(account.username())) {
                management.createDemoOrBootstrap(account, PASSWORD, true);
                created++;
            }
        }
        if (created > 0) {
            log.info("Demo mode: created " + created + " demo accounts (see README)");
        }
    }

    private static UserData account(String username, String name, Role role, ScopeType scope, String network) {
        return new UserData(username, name, null, role, scope, network, null, null);
    }
}
