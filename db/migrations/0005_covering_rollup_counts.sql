DROP INDEX `tasks_rollup_status_due_idx`;--> statement-breakpoint
CREATE INDEX `tasks_rollup_status_due_idx` ON `tasks` (`rollup_agency_id`,`status`,`due_on`,`completed_on`,`original_due_on`);