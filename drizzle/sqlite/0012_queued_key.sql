DROP INDEX `jobs_pending_key`;--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_queued_key` ON `jobs` (`key`) WHERE status = 'queued';