/**
 * Partnership: the organisations of Lab'Impact, the 13 territorial networks (reti territoriali) with
 * their lead partners, who is a member of which network, and which comuni each network covers (a
 * comune belongs to at most one network).
 *
 * <p>Tables: {@code partnership_organisation}, {@code partnership_network},
 * {@code partnership_membership}, {@code partnership_network_comune}. Every change is audited and
 * guarded by optimistic locking. Depends on {@code territory}, {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partnership")
package it.labimpact.partnership;
