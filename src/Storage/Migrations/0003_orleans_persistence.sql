-- Upt: schema and queries for Microsoft.Orleans.Persistence.AdoNet (grain state) on PostgreSQL.
--
-- Contract (Orleans 10.4.x, invariant "Npgsql"):
--   * A grain's state row is identified by @ServiceId, @GrainTypeHash + @GrainTypeString and @GrainIdHash +
--     @GrainIdN0 + @GrainIdN1 + @GrainIdExtensionString (NULL for plain Guid/integer keys; the whole key for
--     string keys; the extension for compound keys). The hashes only narrow the index; the natural key decides.
--   * The ETag is the row's integer version. ReadFromStorageKey answers 0 or 1 row with "PayloadBinary" (NULL after
--     a clear) and "Version". WriteToStorageKey answers exactly one row, "NewGrainStateVersion": the new version,
--     or NULL when @GrainStateVersion was stale; the provider turns NULL into InconsistentStateException.
--     A first write comes with @GrainStateVersion NULL and must not overwrite a row someone else created.
--   * ClearStorageKey keeps the row, drops the payload and moves the version on; DeleteStorageKey (used with
--     DeleteStateOnClear) removes the row. Both answer one row whose first column is NULL on a version conflict.

CREATE TABLE IF NOT EXISTS orleansstorage
(
    serviceid              varchar(150) NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    grainidextensionstring varchar(512) NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NOT NULL
);

-- One row per grain and state type. The long strings are compared through md5 so that the index entry stays
-- far below the B-tree row limit whatever the characters; NULL (no extension) and '' stay distinct.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain ON orleansstorage
    (grainidhash, graintypehash, grainidn0, grainidn1, serviceid,
     md5(graintypestring), coalesce(md5(grainidextensionstring), ''));

-- Writes a state: the first write inserts version 1, later writes need the current version.
-- Answers the new version, or NULL on a conflict (stale version, or a row already there for a first write).
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_grainidhash integer, p_grainidn0 bigint, p_grainidn1 bigint,
    p_graintypehash integer, p_graintypestring text, p_grainidextensionstring text,
    p_serviceid text, p_grainstateversion integer, p_payloadbinary bytea)
    RETURNS integer
    LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new integer;
BEGIN
    IF p_grainstateversion IS NULL THEN
        BEGIN
            INSERT INTO orleansstorage
                (serviceid, graintypehash, graintypestring, grainidhash, grainidn0, grainidn1,
                 grainidextensionstring, payloadbinary, modifiedon, version)
            VALUES
                (p_serviceid, p_graintypehash, p_graintypestring, p_grainidhash, p_grainidn0, p_grainidn1,
                 p_grainidextensionstring, p_payloadbinary, now(), 1)
            RETURNING version INTO v_new;
        EXCEPTION WHEN unique_violation THEN
            v_new := NULL; -- someone else created the row: this writer is stale
        END;
        RETURN v_new;
    END IF;

    UPDATE orleansstorage
       SET payloadbinary = p_payloadbinary,
           modifiedon = now(),
           version = version + 1
     WHERE grainidhash = p_grainidhash AND graintypehash = p_graintypehash
       AND grainidn0 = p_grainidn0 AND grainidn1 = p_grainidn1
       AND serviceid = p_serviceid AND graintypestring = p_graintypestring
       AND grainidextensionstring IS NOT DISTINCT FROM p_grainidextensionstring
       AND version = p_grainstateversion
    RETURNING version INTO v_new;
    RETURN v_new; -- NULL when no row matched that version
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT payloadbinary AS "PayloadBinary", version AS "Version"
  FROM orleansstorage
 WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
   AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
   AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

('WriteToStorageKey', $q$
SELECT orleans_storage_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                             @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
       AS "NewGrainStateVersion"
$q$),

('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleansstorage
       SET payloadbinary = NULL, modifiedon = now(), version = version + 1
     WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
       AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
       AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
$q$),

('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleansstorage
     WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
       AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
       AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version + 1 FROM deleted) AS "NewGrainStateVersion"
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
