-- From here on posts and digest items are indexed for search in the transaction that stores them.
-- What was stored before is indexed once, in the background when serve starts: up to these ids
-- ('P' posts, 'I' digest items), from where the indexer's cursors ('p', 'i') stand. Until the cursors
-- reach them, search answers that it is still catching up.
INSERT INTO search_cursor (doc_kind, last_id) SELECT 'P', COALESCE(MAX(id), 0) FROM post;
INSERT INTO search_cursor (doc_kind, last_id) SELECT 'I', COALESCE(MAX(id), 0) FROM digest_item;
