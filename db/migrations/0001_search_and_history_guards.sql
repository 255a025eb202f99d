-- Diacritic-insensitive substring search over tasks: an FTS5 trigram index kept in step with tasks.search_text.
CREATE VIRTUAL TABLE `tasks_fts` USING fts5(`search_text`, content='tasks', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_ai` AFTER INSERT ON `tasks` BEGIN
  INSERT INTO `tasks_fts`(rowid, `search_text`) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_ad` AFTER DELETE ON `tasks` BEGIN
  INSERT INTO `tasks_fts`(`tasks_fts`, rowid, `search_text`) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_au` AFTER UPDATE OF `search_text` ON `tasks` BEGIN
  INSERT INTO `tasks_fts`(`tasks_fts`, rowid, `search_text`) VALUES ('delete', old.id, old.search_text);
  INSERT INTO `tasks_fts`(rowid, `search_text`) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
-- History is append-only: no code path may change or remove an entry.
CREATE TRIGGER `history_no_update` BEFORE UPDATE ON `history_entries` BEGIN
  SELECT RAISE(ABORT, 'history_entries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `history_no_delete` BEFORE DELETE ON `history_entries` BEGIN
  SELECT RAISE(ABORT, 'history_entries is append-only');
END;
