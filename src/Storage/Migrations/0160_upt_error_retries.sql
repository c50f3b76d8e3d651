-- Retries of error records from their stored raw record (upt-surface §4.4). The count of attempts stays on the error
-- record, so every attempt is visible where the record is listed; the ledger holds the schedule and has its own expiry
-- (UPT's retry table set a 24 h ttl value but had no TTL attribute, so its entries were never removed).
ALTER TABLE upt_errors ADD COLUMN IF NOT EXISTS retry_count int NOT NULL DEFAULT 0;
ALTER TABLE upt_errors ADD COLUMN IF NOT EXISTS last_retry_at timestamptz NULL;
-- The retry pass looks for the retryable categories of one domain.
CREATE INDEX IF NOT EXISTS upt_errors_category ON upt_errors (domain, category);

CREATE TABLE IF NOT EXISTS upt_error_retries (
    domain          text        NOT NULL,
    error_id        text        NOT NULL,
    attempts        int         NOT NULL,
    -- When the next attempt is due; null once no attempt is left.
    next_attempt_at timestamptz NULL,
    last_failure    text        NULL,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (domain, error_id)
);
CREATE INDEX IF NOT EXISTS upt_error_retries_expiry ON upt_error_retries (domain, expires_at);
