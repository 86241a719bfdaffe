-- whosaid database schema (placeholder; the store owns this file)
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
