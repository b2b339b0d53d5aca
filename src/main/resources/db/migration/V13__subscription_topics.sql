-- A subscription may carry topics: the chat gets only the digest items on them. empty_notice: when
-- no item of a digest is on them, the chat gets one line (TRUE) or nothing (FALSE).
ALTER TABLE subscription ADD COLUMN topics VARCHAR(600);
ALTER TABLE subscription ADD COLUMN empty_notice BOOLEAN NOT NULL DEFAULT FALSE;
