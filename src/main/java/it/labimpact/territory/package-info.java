/**
 * Territory: Lombardy's 12 provinces and 1,502 comuni (ISTAT codes, cadastral codes, ANPR residents,
 * simplified boundaries), plus what an administrator may load: the comuni of each social-planning
 * ambito and third-country residents per comune. Reference data ships with the platform with its
 * attribution ({@code reference/lombardia/PROVENANCE.md}).
 *
 * <p>Tables: {@code territory_province}, {@code territory_comune}, {@code territory_ambito}.
 * Publishes no events. Depends on nothing but {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory")
package it.labimpact.territory;
