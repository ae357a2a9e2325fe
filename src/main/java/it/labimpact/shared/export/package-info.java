/**
 * Writing any table as CSV (UTF-8 with BOM, {@code ;} for Italian Excel or {@code ,}) or XLSX, with cells that a
 * spreadsheet would run as a formula ({@code = + - @}) neutralised: every module's exports use it.
 */
@org.springframework.modulith.NamedInterface("export")
package it.labimpact.shared.export;
