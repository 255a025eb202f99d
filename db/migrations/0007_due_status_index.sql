DROP INDEX `tasks_due_idx`;--> statement-breakpoint
CREATE INDEX `tasks_due_idx` ON `tasks` (`due_on`,`status`);