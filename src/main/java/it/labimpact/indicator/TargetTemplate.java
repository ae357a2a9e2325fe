package it.labimpact.indicator;

import it.labimpact.partnership.NetworkSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The XLSX template for target uploads: a sheet with the five columns (headers in the interface's language, both
 * accepted on upload) filled with the period's current targets, drop-down lists of the indicator and network codes,
 * and a second sheet listing the codes with their names.
 */
final class TargetTemplate {

    static final int ROWS = 1000;

    private TargetTemplate() {
    }

    static byte[] write(List<IndicatorDefinition> catalogue, List<NetworkSummary> networks, List<Target> targets,
            Period period, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(en ? "Targets" : "Obiettivi");
            Sheet codes = workbook.createSheet(en ? "Codes" : "Codici");
            row(sheet, 0, en ? new String[] {"indicator", "network", "period", "target", "baseline"}
                    : new String[] {"indicatore", "rete", "periodo", "obiettivo", "baseline"});
            int r = 1;
            for (Target t : targets) {
                Row row = row(sheet, r++, t.indicator(), t.network() == null ? "" : t.network(), t.periodCode());
                number(row, 3, t.target());
                number(row, 4, t.baseline());
            }
            if (targets.isEmpty()) {
                row(sheet, 1, catalogue.isEmpty() ? "" : catalogue.get(0).code(), "", period.code());
            }
            row(codes, 0, en ? new String[] {"indicator", "name", "", "network", "name"}
                    : new String[] {"indicatore", "nome", "", "rete", "nome"});
            for (int i = 0; i < Math.max(catalogue.size(), networks.size()); i++) {
                Row row = codes.createRow(i + 1);
                if (i < catalogue.size()) {
                    row.createCell(0).setCellValue(catalogue.get(i).code());
                    row.createCell(1).setCellValue(catalogue.get(i).label(locale));
                }
                if (i < networks.size()) {
                    row.createCell(3).setCellValue(networks.get(i).code());
                    row.createCell(4).setCellValue(networks.get(i).name());
                }
            }
            String sheetName = codes.getSheetName();
            list(sheet, 0, "'" + sheetName + "'!$A$2:$A$" + (catalogue.size() + 1));
            list(sheet, 1, "'" + sheetName + "'!$D$2:$D$" + (networks.size() + 1));
            for (int c = 0; c < 5; c++) {
                sheet.setColumnWidth(c, 16 * 256);
                codes.setColumnWidth(c, c == 1 || c == 4 ? 60 * 256 : 16 * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
        return row;
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }

    private static void list(Sheet sheet, int column, String range) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(range),
                new CellRangeAddressList(1, ROWS, column, column));
        validation.setEmptyCellAllowed(true);
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }
}
