-- SQLite has no clustered secondary indexes; a WITHOUT ROWID table is stored in its primary key's
-- order, so each person's workouts lie in start order and a feed page reads neighbouring pages.
-- drizzle-kit cannot declare WITHOUT ROWID, hence this hand-written step after 0004.
CREATE TABLE `workouts_clustered` (
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
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `workouts_clustered`("id", "user_id", "name", "sport", "sport_type", "start_time", "utc_offset_minutes", "elapsed_seconds", "moving_seconds", "distance_meters", "elevation_gain_meters", "average_heart_rate", "max_heart_rate", "calories", "device", "primary_provider", "primary_provider_activity_id", "sources", "updated_at") SELECT "id", "user_id", "name", "sport", "sport_type", "start_time", "utc_offset_minutes", "elapsed_seconds", "moving_seconds", "distance_meters", "elevation_gain_meters", "average_heart_rate", "max_heart_rate", "calories", "device", "primary_provider", "primary_provider_activity_id", "sources", "updated_at" FROM `workouts`;--> statement-breakpoint
DROP TABLE `workouts`;--> statement-breakpoint
ALTER TABLE `workouts_clustered` RENAME TO `workouts`;--> statement-breakpoint
CREATE UNIQUE INDEX `workouts_id` ON `workouts` (`id`);--> statement-breakpoint
CREATE INDEX `workouts_feed_sport` ON `workouts` (`user_id`,`sport`,`start_time`,`id`);
