-- Conversations, one row each; the state is the JSON of dev.lbtriage.engine.conversation.ConversationState.
-- The other columns copy a few of its fields so lists and look-ups need not parse it. saved_seq orders
-- the saves (the latest session is the one saved last, whatever the clocks say).
-- Every migration can run twice (IF NOT EXISTS): H2 commits DDL at once, so a crash between a
-- migration and its schema_version row must not leave it unrunnable.
-- The same script runs on H2 and PostgreSQL: only types both know (TEXT is H2's CLOB, so a store made when
-- this line said CLOB has exactly the same schema).
CREATE SEQUENCE IF NOT EXISTS session_saves;
CREATE TABLE IF NOT EXISTS sessions (
  id          VARCHAR(128)   NOT NULL PRIMARY KEY,
  conv_key    VARCHAR(512),
  stage       VARCHAR(32)    NOT NULL,
  symptom_id  VARCHAR(128),
  lb_id       VARCHAR(1024),
  report      VARCHAR(300),
  turn        INT            NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  saved_seq   BIGINT         NOT NULL,
  state       TEXT           NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_saved ON sessions (saved_seq);
CREATE INDEX IF NOT EXISTS sessions_key ON sessions (conv_key);
