CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`key` text,
	`payload` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`run_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`progress` text,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_pending_key` ON `jobs` (`key`) WHERE status IN ('queued', 'running');--> statement-breakpoint
CREATE INDEX `jobs_due` ON `jobs` (`status`,`run_at`);--> statement-breakpoint
CREATE INDEX `jobs_key` ON `jobs` (`key`,`created_at`);--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_events_user` ON `user_events` (`user_id`,`seq`);--> statement-breakpoint
CREATE INDEX `user_events_created` ON `user_events` (`created_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`provider` text NOT NULL,
	`delivery_id` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`provider`, `delivery_id`)
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_received` ON `webhook_deliveries` (`received_at`);--> statement-breakpoint
CREATE TABLE `webhook_subscriptions` (
	`provider` text PRIMARY KEY NOT NULL,
	`external_id` text,
	`callback_url` text NOT NULL,
	`status` text NOT NULL,
	`last_error` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `provider_connections` ADD `backfill_from` integer;--> statement-breakpoint
ALTER TABLE `provider_connections` ADD `backfill_reached` integer;--> statement-breakpoint
ALTER TABLE `provider_connections` ADD `backfill_done_at` integer;--> statement-breakpoint
ALTER TABLE `provider_connections` ADD `next_sync_at` integer;--> statement-breakpoint
CREATE INDEX `provider_connections_provider_user` ON `provider_connections` (`provider`,`provider_user_id`);--> statement-breakpoint
CREATE INDEX `provider_connections_due` ON `provider_connections` (`next_sync_at`);