package it.labimpact.identity.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page: form login, plus a button for each configured OIDC provider. */
@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> clients;
    private final boolean demo;

    LoginController(ObjectProvider<ClientRegistrationRepository> clients,
            @Value("${labimpact.demo.enabled:false}") boolean demo) {
        this.clients = clients;
        this.demo = demo;
    }

    /** An identity provider offered on the login page. */
    record Provider(String id, String name) {
    }

    @GetMapping("/login")
    String login(Model model) {
        List<Provider> providers = new ArrayList<>();
        if (clients.getIfAvailable() instanceof InMemoryClientRegistrationRepository repo) {
            for (ClientRegistration c : repo) {
                providers.add(new Provider(c.getRegistrationId(), c.getClientName()));
            }
        }
        model.addAttribute("providers", providers);
        model.addAttribute("showDemoAccounts", demo);
        return "identity/login";
    }
}
