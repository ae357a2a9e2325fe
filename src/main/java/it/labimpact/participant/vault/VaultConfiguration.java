package it.labimpact.participant.vault;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The vault, its keys and the keyed hashes, from the configuration (see {@link VaultKeys}). */
@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

    @Bean
    VaultKeys vaultKeys(Environment env) {
        return VaultKeys.from(env);
    }

    @Bean
    Vault vault(VaultKeys keys) {
        return new Vault(keys);
    }

    @Bean
    IdentityHashes identityHashes(VaultKeys keys) {
        return new IdentityHashes(keys);
    }
}
