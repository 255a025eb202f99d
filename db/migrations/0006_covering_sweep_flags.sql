DROP INDEX `tasks_status_due_idx`;--> statement-breakpoint
CREATE INDEX `tasks_status_due_idx` ON `tasks` (`status`,`due_on`,`rollup_agency_id`,`overdue_flagged_for`,`overdue_escalated_for`);