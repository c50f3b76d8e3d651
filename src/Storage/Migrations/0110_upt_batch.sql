-- Batch ingestion (JSONL files laid out {domain}/{YYYY}/{MM}/{DD}/*.jsonl, in a folder or a bucket).

-- One bookmark per file and job: a file is ingested once, and again only when it changed (size or version) or a run
-- re-runs its day. Per file, not per day, so files arriving late into an older day are still picked up.
CREATE TABLE IF NOT EXISTS upt_batch_files (
    domain       text        NOT NULL,
    object_type  text        NOT NULL,   -- a business object type, or '*' for the job over envelopes of every type
    source       text        NOT NULL,   -- normalised: absolute folder path or s3://bucket[/prefix]
    path         text        NOT NULL,   -- relative to the source: {domain}/{YYYY}/{MM}/{DD}/{name}.jsonl
    size         bigint      NOT NULL,
    version      text        NOT NULL,   -- S3 ETag or local modification time
    records      bigint      NOT NULL,
    errors       bigint      NOT NULL,
    run_id       bigint      NOT NULL,
    completed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (domain, object_type, source, path)
);

-- One row per run. A runner writes its progress and a heartbeat every few seconds; a RUNNING row whose heartbeat is
-- too old belongs to a runner that died and is reported (and, at the next start, recorded) as FAILED.
CREATE TABLE IF NOT EXISTS upt_batch_runs (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain        text        NOT NULL,
    object_type   text        NOT NULL,
    source        text        NOT NULL,
    from_date     date        NULL,
    status        text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz NULL,
    heartbeat_at  timestamptz NOT NULL DEFAULT now(),
    files_total   int         NOT NULL DEFAULT 0,
    files_done    int         NOT NULL DEFAULT 0,
    files_skipped int         NOT NULL DEFAULT 0,
    files_ignored int         NOT NULL DEFAULT 0,
    bytes_total   bigint      NOT NULL DEFAULT 0,
    bytes_done    bigint      NOT NULL DEFAULT 0,
    records       bigint      NOT NULL DEFAULT 0,
    errors        bigint      NOT NULL DEFAULT 0,
    last_error    text        NULL
);
CREATE INDEX IF NOT EXISTS upt_batch_runs_job ON upt_batch_runs (domain, object_type, id DESC);
-- At most one live run per job, whichever silo runs it.
CREATE UNIQUE INDEX IF NOT EXISTS upt_batch_runs_one_running ON upt_batch_runs (domain, object_type) WHERE status = 'RUNNING';

-- Where a rejected record came from (batch: source, file and line), for error records of batch runs.
ALTER TABLE upt_errors ADD COLUMN IF NOT EXISTS source text NULL;
