-- Word search instead of trigrams: diacritic-folded words with prefix queries, so that two-letter words ("vu")
-- use the index too. tasks.search_text is already folded (đ → d), so unicode61 only splits it into words.
DROP TRIGGER IF EXISTS `tasks_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `tasks_fts_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `tasks_fts_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `tasks_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `tasks_fts` USING fts5(`search_text`, content='tasks', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `tasks_fts`(`tasks_fts`) VALUES ('rebuild');
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
-- The task list's order (deadline, standing tasks last) read straight from an index instead of sorting every row.
CREATE INDEX `tasks_list_order_idx` ON `tasks` (coalesce(`due_on`, '9999-12-31'), `id`);
--> statement-breakpoint
-- A counter that moves with every change to tasks, so that computed figures can be cached until the data changes.
CREATE TABLE `data_revision` (`id` integer PRIMARY KEY CHECK (`id` = 1), `tasks` integer NOT NULL DEFAULT 0);
--> statement-breakpoint
INSERT INTO `data_revision` (`id`, `tasks`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `tasks_revision_ai` AFTER INSERT ON `tasks` BEGIN UPDATE `data_revision` SET `tasks` = `tasks` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tasks_revision_au` AFTER UPDATE ON `tasks` BEGIN UPDATE `data_revision` SET `tasks` = `tasks` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tasks_revision_ad` AFTER DELETE ON `tasks` BEGIN UPDATE `data_revision` SET `tasks` = `tasks` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `task_agencies_revision_ai` AFTER INSERT ON `task_agencies` BEGIN UPDATE `data_revision` SET `tasks` = `tasks` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `task_agencies_revision_au` AFTER UPDATE ON `task_agencies` BEGIN UPDATE `data_revision` SET `tasks` = `tasks` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `task_agencies_revision_ad` AFTER DELETE ON `task_agencies` BEGIN UPDATE `data_revision` SET `tasks` = `tasks` + 1 WHERE `id` = 1; END;
