-- Connections synced before the column existed resume from their newest stored activity.
UPDATE `provider_connections` SET `newest_activity_at` = (
  SELECT MAX(`start_time`) FROM `activities`
  WHERE `activities`.`user_id` = `provider_connections`.`user_id` AND `activities`.`provider` = `provider_connections`.`provider`
) WHERE `newest_activity_at` IS NULL;
