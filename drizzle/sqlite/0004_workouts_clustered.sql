PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_workouts` (
	`id` text NOT NULL,
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
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `start_time`, `id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_workouts`("id", "user_id", "name", "sport", "sport_type", "start_time", "utc_offset_minutes", "elapsed_seconds", "moving_seconds", "distance_meters", "elevation_gain_meters", "average_heart_rate", "max_heart_rate", "calories", "device", "primary_provider", "primary_provider_activity_id", "sources", "updated_at") SELECT "id", "user_id", "name", "sport", "sport_type", "start_time", "utc_offset_minutes", "elapsed_seconds", "moving_seconds", "distance_meters", "elevation_gain_meters", "average_heart_rate", "max_heart_rate", "calories", "device", "primary_provider", "primary_provider_activity_id", "sources", "updated_at" FROM `workouts`;--> statement-breakpoint
DROP TABLE `workouts`;--> statement-breakpoint
ALTER TABLE `__new_workouts` RENAME TO `workouts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `workouts_id` ON `workouts` (`id`);--> statement-breakpoint
CREATE INDEX `workouts_feed_sport` ON `workouts` (`user_id`,`sport`,`start_time`,`id`);