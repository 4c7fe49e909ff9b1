-- Where a face reaches a conversation without new input (issue 16: Teams proactive messages): for Teams the
-- conversation reference (serviceUrl, conversation id with its thread, tenant, bot and user), as the face's JSON.
-- Kept per conversation key and replaced on every inbound activity, so a restarted replica, or another one, can
-- post into the thread (the replies a stopped replica left, a late result) and open a 1:1 chat with its user.
CREATE TABLE IF NOT EXISTS conversation_addresses (
  conv_key    VARCHAR(512)  NOT NULL PRIMARY KEY,
  address     TEXT          NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
