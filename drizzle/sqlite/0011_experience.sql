CREATE TABLE `activity_streams` (
	`activity_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`data` text,
	`points` integer DEFAULT 0 NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`fetched_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_streams_user` ON `activity_streams` (`user_id`,`fetched_at`);--> statement-breakpoint
ALTER TABLE `user_preferences` ADD `units` text;--> statement-breakpoint
ALTER TABLE `user_preferences` ADD `week_start` integer;--> statement-breakpoint
ALTER TABLE `user_preferences` ADD `time_zone` text;--> statement-breakpoint
CREATE INDEX `workouts_feed_name` ON `workouts` (`user_id`,`start_time`,`id`,`name`);