package it.labimpact.participant;

import it.labimpact.participant.vault.VaultKeys;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Master-key rotation: at start-up, every data key still wrapped under a retired master key
 * ({@code labimpact.vault.retired-master-keys}) is re-wrapped under the current one. The sealed fields do not
 * change. Once the log says it is done, the retired key can be removed from the configuration.
 */
@Component
class VaultKeyRotation implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(VaultKeyRotation.class);
    private static final int BATCH = 500;

    private final ParticipantRepository repository;
    private final SealedFields sealed;
    private final VaultKeys keys;
    private final TransactionTemplate transactions;

    VaultKeyRotation(ParticipantRepository repository, SealedFields sealed,
            VaultKeys keys, TransactionTemplate transactions) {
        this.repository = repository;
        this.sealed = sealed;
        this.keys = keys;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        rewrapAll();
    }

    /** Re-wraps every data key not under the current master key; returns how many. */
    int rewrapAll() {
        int total = 0;
        while (true) {
            Integer done = transactions.execute(status -> {
                List<ParticipantRepository.VaultRow> rows = repository.wrappedUnderOtherKeys(keys.currentKeyId(), BATCH);
                rows.forEach(row -> {
                    var wrapped = sealed.rewrapped(row);
                    repository.rewrap(row.participantId(), wrapped.keyId(), wrapped.bytes());
                });
                return rows.size();
            });
            if (done == null || done == 0) {
                break;
            }
            total += done;
        }
        if (total > 0) {
            log.info("Vault: re-wrapped " + total + " data keys under the current master key " + keys.currentKeyId());
        }
        return total;
    }
}
