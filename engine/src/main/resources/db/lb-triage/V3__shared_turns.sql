-- Several bot replicas on one database (issue 21). Runs on H2 and PostgreSQL alike, and can run twice.
-- row_version: the optimistic version of a conversation; a turn is saved only over the version it started
-- from, so two replicas that run a turn of one conversation at once cannot both save it.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS row_version BIGINT DEFAULT 1 NOT NULL;
-- One conversation per key: two replicas that start the same thread at once cannot both create it.
CREATE UNIQUE INDEX IF NOT EXISTS sessions_key_unique ON sessions (conv_key);
-- Every delivered input (a Slack event id) that a replica claimed: the first claim wins, a redelivery or a
-- copy that reaches another replica finds the row and is not answered again. Status CLAIMED (turn running),
-- ANSWERED (state saved in the same transaction, replies kept here until sent), DONE (replies sent).
-- CLAIMED and ANSWERED rows carry a lease: a replica that died mid-turn leaves a row whose lease runs out,
-- and the next replica to touch the conversation runs its input again (CLAIMED, hence the text and user)
-- or sends its replies (ANSWERED).
CREATE TABLE IF NOT EXISTS processed_inputs (
  input_id     VARCHAR(256)  NOT NULL PRIMARY KEY,
  conv_key     VARCHAR(512),
  owner_id     VARCHAR(128)  NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  attempt      INT           NOT NULL,
  claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_until  TIMESTAMP WITH TIME ZONE NOT NULL,
  done_at      TIMESTAMP WITH TIME ZONE,
  session_id   VARCHAR(128),
  turn         INT,
  input_text   TEXT,
  user_id      VARCHAR(128),
  replies      TEXT
);
CREATE INDEX IF NOT EXISTS processed_inputs_key ON processed_inputs (conv_key, claimed_at);
CREATE INDEX IF NOT EXISTS processed_inputs_done ON processed_inputs (done_at);
