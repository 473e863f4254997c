-- Merged workouts now record why each source is part of them (and which records are multisport
-- legs). Marking every activity ungrouped makes start-up regroup each person once (repairUngrouped),
-- which writes the reasons; the feed keeps its old rows until then.
UPDATE `activities` SET `group_start` = NULL;
