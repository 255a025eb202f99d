CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`path` text DEFAULT '' NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`successor_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`emails` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`successor_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_code_uq` ON `agencies` (`code`);--> statement-breakpoint
CREATE INDEX `agencies_parent_idx` ON `agencies` (`parent_id`);--> statement-breakpoint
CREATE INDEX `agencies_path_idx` ON `agencies` (`path`);--> statement-breakpoint
CREATE TABLE `agency_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer,
	`group_id` integer,
	`alias` text NOT NULL,
	`alias_folded` text NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `agency_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agency_aliases_folded_uq` ON `agency_aliases` (`alias_folded`);--> statement-breakpoint
CREATE INDEX `agency_aliases_agency_idx` ON `agency_aliases` (`agency_id`);--> statement-breakpoint
CREATE TABLE `agency_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`member_kinds` text NOT NULL,
	`parent_id` integer,
	FOREIGN KEY (`parent_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agency_groups_code_uq` ON `agency_groups` (`code`);--> statement-breakpoint
CREATE TABLE `directive_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`directive_id` integer NOT NULL,
	`ref` text DEFAULT '' NOT NULL,
	`content` text NOT NULL,
	`deadline_kind` text NOT NULL,
	`due_on` text,
	`recurrence` text,
	`recurring_from` text,
	`recurring_until` text,
	`deadline_phrase` text,
	`output` text,
	`target` text,
	`is_key` integer DEFAULT false NOT NULL,
	`lead_codes` text NOT NULL,
	`support_codes` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`directive_id`) REFERENCES `directives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `directive_items_directive_idx` ON `directive_items` (`directive_id`);--> statement-breakpoint
CREATE TABLE `directives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`number` text NOT NULL,
	`number_folded` text NOT NULL,
	`title` text NOT NULL,
	`issuer` text NOT NULL,
	`issuer_folded` text NOT NULL,
	`signer` text DEFAULT '' NOT NULL,
	`issued_on` text NOT NULL,
	`full_text` text DEFAULT '' NOT NULL,
	`monitoring_agency_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`status_reason` text,
	`replaced_by_id` integer,
	`closed_at` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`monitoring_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaced_by_id`) REFERENCES `directives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `directives_issuer_number_uq` ON `directives` (`issuer_folded`,`number_folded`);--> statement-breakpoint
CREATE INDEX `directives_issued_idx` ON `directives` (`issued_on`);--> statement-breakpoint
CREATE TABLE `extension_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`current_due_on` text NOT NULL,
	`proposed_due_on` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `extension_requests_task_idx` ON `extension_requests` (`task_id`,`status`);--> statement-breakpoint
CREATE TABLE `history_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`directive_id` integer,
	`task_id` integer,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `history_task_idx` ON `history_entries` (`task_id`);--> statement-breakpoint
CREATE INDEX `history_entity_idx` ON `history_entries` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `progress_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`percent` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`delay_reason` text,
	`evidence_number` text,
	`evidence_date` text,
	`status` text DEFAULT 'recorded' NOT NULL,
	`reported_on` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `progress_reports_task_idx` ON `progress_reports` (`task_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_seen_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `task_agencies` (
	`task_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`role` text NOT NULL,
	`progress_percent` integer DEFAULT 0 NOT NULL,
	`last_note` text,
	PRIMARY KEY(`task_id`, `agency_id`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_agencies_agency_idx` ON `task_agencies` (`agency_id`,`role`,`task_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`directive_id` integer NOT NULL,
	`lead_agency_id` integer NOT NULL,
	`rollup_agency_id` integer NOT NULL,
	`content` text NOT NULL,
	`period_key` text,
	`period_label` text,
	`due_on` text,
	`original_due_on` text,
	`extension_count` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`completed_on` text,
	`progress_percent` integer DEFAULT 0 NOT NULL,
	`last_note` text,
	`delay_reason` text,
	`is_key` integer DEFAULT false NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `directive_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`directive_id`) REFERENCES `directives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rollup_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_directive_idx` ON `tasks` (`directive_id`);--> statement-breakpoint
CREATE INDEX `tasks_item_idx` ON `tasks` (`item_id`);--> statement-breakpoint
CREATE INDEX `tasks_rollup_status_due_idx` ON `tasks` (`rollup_agency_id`,`status`,`due_on`,`completed_on`);--> statement-breakpoint
CREATE INDEX `tasks_status_due_idx` ON `tasks` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `tasks_due_idx` ON `tasks` (`due_on`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`agency_id` integer,
	`extra_emails` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_agency_idx` ON `users` (`agency_id`);