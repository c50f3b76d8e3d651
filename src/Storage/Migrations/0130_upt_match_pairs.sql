-- AI match pairs awaiting human review (upt-core §3.11). UPT kept every pair twice (A→B and B→A) and filtered the
-- duplicates page by page; here a pair is one row, profile_a < profile_b in byte order (hence COLLATE "C").
-- data_diff: [{fieldName, sourceValue, targetValue}], source = profile_a's value, target = profile_b's.
-- source: 'ai' (continuous matching) or 'import' (third-party CSV). false_positive survives re-scoring.
CREATE TABLE IF NOT EXISTS upt_match_pairs (
    domain            text COLLATE "C" NOT NULL,
    profile_a         text COLLATE "C" NOT NULL,
    profile_b         text COLLATE "C" NOT NULL,
    score             double precision NOT NULL,
    data_diff         jsonb            NOT NULL DEFAULT '[]'::jsonb,
    source            text             NOT NULL CHECK (source IN ('ai', 'import')),
    false_positive    boolean          NOT NULL DEFAULT false,
    merge_in_progress boolean          NOT NULL DEFAULT false,
    created_at        timestamptz      NOT NULL DEFAULT now(),
    updated_at        timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (domain, profile_a, profile_b),
    CHECK (profile_a < profile_b)
);
-- All pairs by score, descending, paginated; the same index lists the false positives apart.
CREATE INDEX IF NOT EXISTS upt_match_pairs_by_score ON upt_match_pairs (domain, false_positive, score DESC, profile_a, profile_b);
-- The pairs of one profile: the primary key serves profile_a, this one profile_b.
CREATE INDEX IF NOT EXISTS upt_match_pairs_profile_b ON upt_match_pairs (domain, profile_b);
