package it.labimpact.imports;

import it.labimpact.participant.Countries;
import it.labimpact.participant.Country;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The template of a kind of file: the columns in the language of the page (the reader accepts either language), a
 * comment on each header explaining it, drop-down lists for coded columns (country columns: ISO codes, listed with
 * their names on a second sheet), and an example row to overwrite. The CSV template has the same columns.
 */
final class TemplateWorkbook {

    /** Rows the drop-down lists cover. */
    private static final int LIST_ROWS = 5000;

    private TemplateWorkbook() {
    }

    static byte[] write(RowHandler handler, Locale locale, MessageSource messages) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String kind = handler.kind() == ImportKind.PARTICIPANTS ? "" : "." + handler.kind().name();
            Sheet sheet = workbook.createSheet(messages.getMessage("imports.template.sheet" + kind, null, locale));
            Sheet codes = null;
            List<Country> countries = Countries.sorted(locale);
            if (!handler.countryColumns().isEmpty()) {
                codes = workbook.createSheet(messages.getMessage("imports.template.codes", null, locale));
                for (int i = 0; i < countries.size(); i++) {
                    Row r = codes.createRow(i);
                    r.createCell(0).setCellValue(countries.get(i).code());
                    r.createCell(1).setCellValue(countries.get(i).name(locale));
                }
                codes.setColumnWidth(1, 40 * 256);
            }

            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CreationHelper factory = workbook.getCreationHelper();
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            Row head = sheet.createRow(0);
            Row example = sheet.createRow(1);
            List<String> sample = handler.example(locale);
            List<? extends ImportColumn> columns = handler.columns();
            for (int i = 0; i < columns.size(); i++) {
                ImportColumn c = columns.get(i);
                head.createCell(i).setCellValue(c.header(locale));
                head.getCell(i).setCellStyle(bold);
                ClientAnchor anchor = factory.createClientAnchor();
                anchor.setCol1(i);
                anchor.setCol2(i + 3);
                anchor.setRow1(0);
                anchor.setRow2(5);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(factory.createRichTextString(
                        messages.getMessage("imports.help." + c.name(), null, locale)
                                + (c.required() ? " " + messages.getMessage("imports.help.required", null, locale)
                                        : "")));
                head.getCell(i).setCellComment(comment);
                example.createCell(i).setCellValue(sample.get(i));
                sheet.setColumnWidth(i, Math.max(14, c.header(locale).length() + 4) * 256);
            }
            DataValidationHelper validations = sheet.getDataValidationHelper();
            Sheet lists = null;
            for (ImportColumn c : columns) {
                List<String> choices = handler.choices().get(c);
                if (choices == null) {
                    continue;
                }
                if (String.join(",", choices).length() < 250) {
                    list(sheet, validations, validations.createExplicitListConstraint(choices.toArray(String[]::new)),
                            columns.indexOf(c));
                    continue;
                }
                // an explicit list holds at most 255 characters: longer ones go on a sheet of their own
                if (lists == null) {
                    lists = workbook.createSheet(messages.getMessage("imports.template.lists", null, locale));
                }
                int col = columns.indexOf(c);
                for (int i = 0; i < choices.size(); i++) {
                    Row r = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
                    r.createCell(col).setCellValue(choices.get(i));
                }
                String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(col);
                list(sheet, validations, validations.createFormulaListConstraint("'" + lists.getSheetName() + "'!$"
                        + letter + "$1:$" + letter + "$" + choices.size()), col);
            }
            if (codes != null) {
                String range = "'" + codes.getSheetName() + "'!$A$1:$A$" + countries.size();
                for (ImportColumn c : handler.countryColumns()) {
                    list(sheet, validations, validations.createFormulaListConstraint(range), columns.indexOf(c));
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV template: the same header and example row, {@code ;}-separated as Italian Excel saves, UTF-8. */
    static byte[] csv(RowHandler handler, Locale locale) {
        String header = handler.columns().stream().map(c -> c.header(locale)).collect(Collectors.joining(";"));
        return (header + "\r\n" + String.join(";", handler.example(locale)) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void list(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint,
            int column) {
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(1, LIST_ROWS, column, column));
        validation.setShowErrorBox(true);
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }
}
