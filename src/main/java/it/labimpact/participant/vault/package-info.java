/**
 * The personal-data vault: per-participant data keys wrapped by the master key, AES-GCM sealing of each field,
 * and the keyed hashes used for de-duplication. Nothing here touches the database.
 */
package it.labimpact.participant.vault;
