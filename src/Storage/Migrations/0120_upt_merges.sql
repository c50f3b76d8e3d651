-- Merge history and negative links. History is append-only: merges, unmerges and deletes are never
-- updated or removed (except when the whole domain is deleted), because unmerge lineage is derived from it.

-- One row per merge (absorbed -> survivor), unmerge (absorbed = the profile taken out, survivor = the
-- profile it left) or delete (absorbed = the deleted profile, no survivor).
CREATE TABLE IF NOT EXISTS upt_merge_history (
    id                  bigserial        PRIMARY KEY,
    domain              text             NOT NULL,
    absorbed_profile_id text             NOT NULL,
    survivor_profile_id text             NULL,
    merge_type          text             NOT NULL CHECK (merge_type IN ('rule', 'ai', 'manual', 'unmerge', 'delete')),
    confidence_factor   double precision NOT NULL DEFAULT 1,
    rule_id             text             NULL,
    rule_set_version    text             NULL,
    operator_id         text             NULL,
    score               double precision NULL,
    context             jsonb            NULL,
    at                  timestamptz      NOT NULL DEFAULT now(),
    CHECK (merge_type = 'delete' OR survivor_profile_id IS NOT NULL)
);
-- Walking down (a survivor's children, grouped per child: unmerge lineage) and up (a profile's own rows, newest
-- last: ancestors, unmerge counts).
CREATE INDEX IF NOT EXISTS upt_merge_history_survivor ON upt_merge_history (domain, survivor_profile_id, absorbed_profile_id);
CREATE INDEX IF NOT EXISTS upt_merge_history_absorbed ON upt_merge_history (domain, absorbed_profile_id, id);

-- Negative links: an unmerged pair the rule engine must not merge again on the same evidence.
-- The pair is stored ordered (profile_a < profile_b) so that (a, b) and (b, a) are one row.
CREATE TABLE IF NOT EXISTS upt_unmerge_blocks (
    domain     text        NOT NULL,
    profile_a  text        NOT NULL,
    profile_b  text        NOT NULL,
    evidence   text[]      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (domain, profile_a, profile_b),
    CHECK (profile_a < profile_b)
);
CREATE INDEX IF NOT EXISTS upt_unmerge_blocks_b ON upt_unmerge_blocks (domain, profile_b);

-- An unmerge moves the travellers of a lineage (by original profile id) without scanning the parent's travellers.
CREATE INDEX IF NOT EXISTS upt_travellers_original ON upt_travellers (domain, original_profile_id);

-- Deleting a profile also deletes the tombstones forwarding to it. Partial: live profiles (the hot path) are not in it.
CREATE INDEX IF NOT EXISTS upt_profiles_merged_into ON upt_profiles (domain, merged_into) WHERE merged_into IS NOT NULL;
