ALTER TABLE `provider_connections` ADD `newest_activity_at` integer;--> statement-breakpoint
ALTER TABLE `workouts` DROP COLUMN `value_sources`;