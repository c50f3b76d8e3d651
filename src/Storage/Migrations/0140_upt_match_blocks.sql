-- Fuzzy-matching block membership (upt-core §3.11): which profiles a blocking key groups, so a block grain can
-- rebuild its members after deactivation or a silo restart. Only ids are stored: the members' candidates are
-- rebuilt from upt_profiles.fields, which is always the current truth. A block keeps at most its size limit plus one
-- row; the extra row is what marks it over-full across restarts.
CREATE TABLE IF NOT EXISTS upt_match_blocks (
    domain     text NOT NULL,
    block_key  text NOT NULL,
    profile_id text NOT NULL,
    PRIMARY KEY (domain, block_key, profile_id)
);
-- The blocks of one profile: a profile whose fields changed leaves the blocks it no longer belongs to.
CREATE INDEX IF NOT EXISTS upt_match_blocks_profile ON upt_match_blocks (domain, profile_id);
