/**
 * Reading the CSV files people really produce (Italian Excel: {@code ;}, Windows-1252, BOM) and
 * reporting problems row by row.
 */
@org.springframework.modulith.NamedInterface("csv")
package it.labimpact.shared.csv;
