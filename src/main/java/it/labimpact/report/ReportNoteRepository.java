package it.labimpact.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code report_note}. */
@Repository
class ReportNoteRepository {

    private final JdbcClient jdbc;

    ReportNoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReportNote> forPeriod(String period, String network) {
        return jdbc.sql("""
                        select period_code, network_code, text, updated_by, updated_at, version from report_note
                        where period_code = :period and (cast(:network as text) is null or network_code = :network)
                        order by network_code""")
                .param("period", period).param("network", network).query(ReportNoteRepository::map).list();
    }

    /** Inserts the first version; {@code false} when a note already exists (someone was quicker). */
    boolean insert(String period, String network, String text, String by) {
        return jdbc.sql("""
                        insert into report_note (period_code, network_code, text, updated_by)
                        values (:period, :network, :text, :by) on conflict do nothing""")
                .param("period", period).param("network", network).param("text", text).param("by", by)
                .update() == 1;
    }

    /** Updates the note if it is still at {@code version}; {@code false} otherwise. */
    boolean update(String period, String network, String text, String by, int version) {
        return jdbc.sql("""
                        update report_note set text = :text, updated_by = :by, updated_at = now(), version = version + 1
                        where period_code = :period and network_code = :network and version = :version""")
                .param("period", period).param("network", network).param("text", text).param("by", by)
                .param("version", version).update() == 1;
    }

    private static ReportNote map(ResultSet rs, int n) throws SQLException {
        return new ReportNote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getInt(6));
    }
}
