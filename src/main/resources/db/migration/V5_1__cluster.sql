-- Several serve nodes on one PostgreSQL. On H2 (one process) these tables stay empty.

-- Who holds what: a bot's receiver (Telegram long polling, the Discord gateway, the Feishu long
-- connection) is run by the node named in holder until expires_at; the holder renews it every few
-- seconds, and another node takes a lease whose time has passed.
CREATE TABLE cluster_lease (
  name         VARCHAR(100) NOT NULL PRIMARY KEY,   -- receiver:telegram:<bot key>
  holder       VARCHAR(200) NOT NULL,               -- node id (host, pid, start)
  acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The nodes that ran serve lately (seen_at renewed with the leases), for /healthz.
CREATE TABLE cluster_node (
  id           VARCHAR(200) NOT NULL PRIMARY KEY,
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  seen_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per bot: the earliest time its next message may go out. Every node reserves its sends
-- here, so the platform's global rate is one budget for the bot, and a 429 moves it for everyone.
CREATE TABLE rate_budget (
  name         VARCHAR(100) NOT NULL PRIMARY KEY,   -- telegram:<bot key>
  next_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  paused_until TIMESTAMP WITH TIME ZONE,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
