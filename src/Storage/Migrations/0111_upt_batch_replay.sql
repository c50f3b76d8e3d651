-- Replays: a batch run over a time range (raw backups, re-ingested for [range_from, range_to]); from_date stays for
-- ordinary re-runs. lines_skipped counts a replay's lines whose timestamp lies outside its range.
ALTER TABLE upt_batch_runs
    ADD COLUMN IF NOT EXISTS range_from    timestamptz NULL,
    ADD COLUMN IF NOT EXISTS range_to      timestamptz NULL,
    ADD COLUMN IF NOT EXISTS lines_skipped bigint      NOT NULL DEFAULT 0;
