-- Where the facts of a conversation came from (FactSource.describe()), so a list can show it and a
-- resume can warn when it changed.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS fact_source VARCHAR(2048);
