-- Tokens of the pipeline API. Only the SHA-256 of a token is kept: the token itself is shown once.
CREATE TABLE api_token (
    id              BIGSERIAL PRIMARY KEY,
    channel_id      TEXT        NOT NULL,
    team_domain     TEXT,
    name            TEXT        NOT NULL,
    hash            TEXT        NOT NULL UNIQUE,
    created_by      TEXT        NOT NULL,
    created_by_name TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    last_used_at    TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ
);
-- A revoked name may be used again; two live tokens of one channel never share a name.
CREATE UNIQUE INDEX api_token_live_name ON api_token (channel_id, lower(name)) WHERE revoked_at IS NULL;

-- Token changes are channel-wide, not about one release, so they have their own audit trail.
CREATE TABLE api_token_event (
    id         BIGSERIAL PRIMARY KEY,
    token_id   BIGINT      NOT NULL REFERENCES api_token (id),
    channel_id TEXT        NOT NULL,
    type       TEXT        NOT NULL,
    actor_id   TEXT        NOT NULL,
    actor_name TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);

-- What a pipeline ticked with: a link to its proof (a CI run) and a note.
ALTER TABLE item_tick ADD COLUMN evidence TEXT, ADD COLUMN note TEXT;
