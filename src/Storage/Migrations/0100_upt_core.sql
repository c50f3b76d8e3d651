-- Upt's own tables. Objects are rows (never one blob per profile), so the cost of a write does not
-- grow with the number of objects a profile holds.

-- traveller id -> profile id. original_profile_id never changes: it forwards old ids and undoes merges.
CREATE TABLE IF NOT EXISTS upt_travellers (
    domain              text        NOT NULL,
    traveller_id        text        NOT NULL,
    profile_id          text        NOT NULL,
    original_profile_id text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (domain, traveller_id)
);
CREATE INDEX IF NOT EXISTS upt_travellers_profile ON upt_travellers (domain, profile_id);

-- Profile-level fields with provenance (value, source timestamp, source object type) as one small jsonb.
CREATE TABLE IF NOT EXISTS upt_profiles (
    domain      text        NOT NULL,
    profile_id  text        NOT NULL,
    fields      jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    merged_into text        NULL,
    PRIMARY KEY (domain, profile_id)
);

-- Objects (interactions). Unique per traveller id, as in UPT; profile_id follows merges.
CREATE TABLE IF NOT EXISTS upt_objects (
    domain       text        NOT NULL,
    object_type  text        NOT NULL,
    traveller_id text        NOT NULL,
    object_id    text        NOT NULL,
    profile_id   text        NOT NULL,
    data         jsonb       NOT NULL,
    last_updated timestamptz NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (domain, object_type, traveller_id, object_id)
);
CREATE INDEX IF NOT EXISTS upt_objects_profile ON upt_objects (domain, profile_id, object_type, last_updated DESC NULLS LAST, object_id);

-- Lookup entries (normalised email, phone, loyalty id, last name) -> profiles carrying them.
CREATE TABLE IF NOT EXISTS upt_lookups (
    domain     text NOT NULL,
    kind       text NOT NULL,
    value      text NOT NULL,
    profile_id text NOT NULL,
    PRIMARY KEY (domain, kind, value, profile_id)
);
CREATE INDEX IF NOT EXISTS upt_lookups_profile ON upt_lookups (domain, profile_id);

-- Sharded counters: each writer adds to its own shard inside the same transaction as the data change,
-- so counts stay exact without a hot row; readers sum the shards.
CREATE TABLE IF NOT EXISTS upt_counters (
    domain  text   NOT NULL,
    counter text   NOT NULL,
    shard   int    NOT NULL,
    value   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (domain, counter, shard)
);

-- Rejected objects and records. The id derives from the source position, so a redelivery does not duplicate.
CREATE TABLE IF NOT EXISTS upt_errors (
    id             text        PRIMARY KEY,
    domain         text        NOT NULL,
    category       text        NOT NULL,
    message        text        NOT NULL,
    object_type    text        NOT NULL,
    traveller_id   text        NULL,
    transaction_id text        NULL,
    raw            text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS upt_errors_domain ON upt_errors (domain, created_at DESC, id);
CREATE INDEX IF NOT EXISTS upt_errors_traveller ON upt_errors (domain, traveller_id);
