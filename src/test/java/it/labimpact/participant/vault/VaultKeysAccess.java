package it.labimpact.participant.vault;

/** Lets tests try the raw master key against sealed data, as an attacker holding it would. */
public final class VaultKeysAccess {

    private VaultKeysAccess() {
    }

    public static byte[] currentMasterKey(VaultKeys keys) {
        return keys.masterKey(keys.currentKeyId());
    }
}
