-- GDPR privacy searches and purges (upt-surface §5). One search row per (domain, connect id), holding the search's own
-- status; one row per location found, each with its own status, so a purge reports every location it purged or failed.
-- event_id is the async event (search or purge) that last acted on the row: a read that finds the row pending asks that
-- event, and an event whose job stopped marks its rows failed.
CREATE TABLE IF NOT EXISTS upt_privacy_searches (
    domain        text        NOT NULL,
    connect_id    text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('search_invoked', 'search_running', 'search_success', 'search_failed',
                                                         'purge_invoked', 'purge_running', 'purge_success', 'purge_failed')),
    error_message text        NOT NULL DEFAULT '',
    search_date   timestamptz NOT NULL DEFAULT now(),
    tx_id         text        NOT NULL DEFAULT '',
    total_results int         NOT NULL DEFAULT 0,
    event_id      text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (domain, connect_id)
);
CREATE INDEX IF NOT EXISTS upt_privacy_searches_pending ON upt_privacy_searches (domain, event_id)
    WHERE status IN ('search_invoked', 'search_running', 'purge_invoked', 'purge_running');

CREATE TABLE IF NOT EXISTS upt_privacy_locations (
    domain        text        NOT NULL,
    connect_id    text        NOT NULL,
    location_type text        NOT NULL,
    location      text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('search_success', 'purge_invoked', 'purge_running', 'purge_success', 'purge_failed')),
    error_message text        NOT NULL DEFAULT '',
    event_id      text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (domain, connect_id, location_type, location)
);

-- The audit trail of purges: who (the token's subject), when, which connect ids of which domain, and how it ended.
-- Append-only, and kept when the searches or the domain are deleted: it is the record that the data was erased.
CREATE TABLE IF NOT EXISTS upt_privacy_purge_audit (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain         text        NOT NULL,
    event_id       text        NOT NULL UNIQUE,
    operator_id    text        NOT NULL,
    connect_ids    text[]      NOT NULL,
    tx_id          text        NOT NULL DEFAULT '',
    requested_at   timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz NULL,
    outcome        text        NULL CHECK (outcome IN ('purge_success', 'purge_failed')),
    locations      int         NULL,
    error_message  text        NULL
);
CREATE INDEX IF NOT EXISTS upt_privacy_purge_audit_domain ON upt_privacy_purge_audit (domain, requested_at DESC);
