/**
 * Cooperation: objective 1 made visible — governance bodies and their meetings, agreements between
 * organisations, referrals of participants between organisations, the training of operators, the needs raised
 * by the territory, and the cooperation metrics built on them.
 *
 * <p>Publishes its facts to the indicator module only through {@code cooperation_fact_*} views.
 *
 * <p>Depends on {@code partnership}, {@code activity}, {@code participant}, {@code territory}, {@code audit},
 * {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cooperation")
package it.labimpact.cooperation;
