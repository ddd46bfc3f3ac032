-- A release in flight. The template source is snapshotted so editing a template never
-- changes a running release.
CREATE TABLE deployment (
    id              BIGSERIAL PRIMARY KEY,
    version         INT         NOT NULL DEFAULT 0,
    channel_id      TEXT        NOT NULL,
    team_domain     TEXT,
    release         TEXT        NOT NULL,
    environment     TEXT        NOT NULL,
    template_name   TEXT        NOT NULL,
    template_source TEXT        NOT NULL,
    started_by      TEXT        NOT NULL,
    started_by_name TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    thread_ts       TEXT,
    started_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- One active release per (channel, release, environment): a second /deploy start is refused
-- by the database even when two arrive at the same instant.
CREATE UNIQUE INDEX deployment_active_release
    ON deployment (channel_id, lower(release), lower(environment))
    WHERE status IN ('IN_PROGRESS', 'SHIPPED');

CREATE INDEX deployment_channel ON deployment (channel_id, started_at DESC);

-- Per-item rows: concurrent ticks of different items never conflict.
CREATE TABLE item_tick (
    deployment_id  BIGINT      NOT NULL REFERENCES deployment (id),
    item_id        TEXT        NOT NULL,
    ticked_by      TEXT        NOT NULL,
    ticked_by_name TEXT        NOT NULL,
    source         TEXT        NOT NULL DEFAULT 'USER',
    ticked_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (deployment_id, item_id)
);

-- The audit trail: kept forever.
CREATE TABLE deployment_event (
    id            BIGSERIAL PRIMARY KEY,
    deployment_id BIGINT      NOT NULL REFERENCES deployment (id),
    type          TEXT        NOT NULL,
    actor_id      TEXT        NOT NULL,
    actor_name    TEXT        NOT NULL,
    subject       TEXT,
    detail        TEXT,
    at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX deployment_event_deployment ON deployment_event (deployment_id, id);

-- Slack messages are views of the database. Each row is one message: posted when ts is null,
-- re-rendered while rendered_rev < wanted_rev. Workers claim rows with a lease
-- (FOR UPDATE SKIP LOCKED), so several instances share the work and a crash loses nothing.
CREATE TABLE message_view (
    id             BIGSERIAL PRIMARY KEY,
    deployment_id  BIGINT      NOT NULL REFERENCES deployment (id),
    kind           TEXT        NOT NULL,
    seq            INT         NOT NULL,
    first_item     INT         NOT NULL DEFAULT 0,
    end_item       INT         NOT NULL DEFAULT 0,
    channel_id     TEXT        NOT NULL,
    ts             TEXT,
    wanted_rev     INT         NOT NULL DEFAULT 1,
    rendered_rev   INT         NOT NULL DEFAULT 0,
    not_before     TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until    TIMESTAMPTZ,
    last_synced_at TIMESTAMPTZ,
    attempts       INT         NOT NULL DEFAULT 0,
    last_error     TEXT,
    UNIQUE (deployment_id, seq)
);
CREATE INDEX message_view_pending ON message_view (not_before) WHERE ts IS NULL OR rendered_rev < wanted_rev;
CREATE INDEX message_view_by_ts ON message_view (channel_id, ts);
