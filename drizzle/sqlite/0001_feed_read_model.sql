CREATE TABLE `workouts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`sport` text NOT NULL,
	`sport_type` text,
	`start_time` integer NOT NULL,
	`utc_offset_minutes` integer,
	`elapsed_seconds` real,
	`moving_seconds` real,
	`distance_meters` real,
	`elevation_gain_meters` real,
	`average_heart_rate` real,
	`max_heart_rate` real,
	`calories` real,
	`device` text,
	`primary_provider` text NOT NULL,
	`primary_provider_activity_id` text NOT NULL,
	`sources` text NOT NULL,
	`value_sources` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `workouts_feed` ON `workouts` (`user_id`,`start_time`,`id`);--> statement-breakpoint
CREATE INDEX `workouts_feed_sport` ON `workouts` (`user_id`,`sport`,`start_time`,`id`);--> statement-breakpoint
DROP INDEX `activities_feed`;--> statement-breakpoint
DROP INDEX `activities_group`;--> statement-breakpoint
ALTER TABLE `activities` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `group_start` integer;--> statement-breakpoint
CREATE INDEX `activities_by_provider` ON `activities` (`user_id`,`provider`,`group_start`,`group_id`);--> statement-breakpoint
CREATE INDEX `activities_timeline` ON `activities` (`user_id`,`start_time`);--> statement-breakpoint
CREATE INDEX `activities_group` ON `activities` (`user_id`,`group_id`,`is_primary`);