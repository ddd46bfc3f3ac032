-- The report of a closed release, to be uploaded to its thread once. The row is written in the
-- transaction that closes the release; a worker on any instance claims it (lease, FOR UPDATE SKIP
-- LOCKED), uploads, and marks it uploaded, so several instances upload it once.
CREATE TABLE report_upload (
    deployment_id BIGINT      PRIMARY KEY REFERENCES deployment (id),
    requested_at  TIMESTAMPTZ NOT NULL,
    not_before    TIMESTAMPTZ NOT NULL,
    lease_until   TIMESTAMPTZ,
    attempts      INT         NOT NULL DEFAULT 0,
    uploaded_at   TIMESTAMPTZ,
    file_id       TEXT,
    last_error    TEXT
);
CREATE INDEX report_upload_due ON report_upload (not_before) WHERE uploaded_at IS NULL;

-- Users who opened Preflight's Home tab: only their Home is kept up to date.
CREATE TABLE home_user (
    user_id     TEXT        PRIMARY KEY,
    opened_at   TIMESTAMPTZ NOT NULL
);

-- Home tabs to publish again. member_id is a user, or a user group (S…) that the worker expands
-- to its members (a Slack call, which does not belong in the transaction that marks it). wanted
-- counts the changes: a change while the worker publishes bumps it, so the row stays for
-- another round; many changes before the worker comes round are one publish.
CREATE TABLE home_stale (
    member_id   TEXT        PRIMARY KEY,
    wanted      INT         NOT NULL DEFAULT 1,
    not_before  TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until TIMESTAMPTZ
);
