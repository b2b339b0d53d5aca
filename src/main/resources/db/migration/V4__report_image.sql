-- The word-cloud PNG of a daily report (digest kind 'report'), kept in the database so the web
-- archive of any node can serve it; the same bytes are also written to the Hugo site.
-- Same SQL on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE digest_image (
  digest_id   BIGINT        NOT NULL REFERENCES digest (id) ON DELETE CASCADE,
  name        VARCHAR(200)  NOT NULL,   -- 2025-11-26-wordcloud.png
  png         BYTEA         NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (digest_id, name)
);
