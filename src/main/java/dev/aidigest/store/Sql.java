package dev.aidigest.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC helpers shared by the stores of the chat side (TIMESTAMPTZ in and out). */
final class Sql {

  private Sql() {}

  static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
    ps.setObject(i, t == null ? null : t.atOffset(ZoneOffset.UTC));
  }

  static Instant time(ResultSet rs, String col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static Instant time(ResultSet rs, int col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Instant t) {
        setTime(ps, i + 1, t);
      } else {
        ps.setObject(i + 1, a);
      }
    }
  }

  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
