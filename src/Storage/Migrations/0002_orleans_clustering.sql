-- Upt: schema and queries for Microsoft.Orleans.Clustering.AdoNet (membership table and gateway list) on PostgreSQL.
--
-- Contract (Orleans 10.4.x, invariant "Npgsql"):
--   * One version row per cluster (DeploymentId = ClusterOptions.ClusterId). Every membership read returns that
--     row's Version (as column "Version") on every result row; with no members yet the read still returns exactly
--     one row, whose member columns are NULL (StartTime NULL means "no entry").
--   * Inserts and updates of member rows are optimistic: they succeed only while the table version still equals
--     @Version (the version the caller read) and then move it on by one. They answer a single boolean column.
--   * I-am-alive heartbeats touch only the member row and do not move the version.
--   * Parameters bound by the provider: @DeploymentId, @Address (text), @Port, @Generation, @SiloName, @HostName,
--     @Status, @ProxyPort, @SuspectTimes (text "addr,date|addr,date", may be NULL), @StartTime, @IAmAliveTime
--     (UTC, bound as timestamptz), @Version.

CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL,
    updatedat    timestamptz  NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid)
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid varchar(150) NOT NULL,
    address      varchar(45)  NOT NULL,
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     varchar(150) NOT NULL,
    hostname     varchar(150) NOT NULL,
    status       integer      NOT NULL,
    proxyport    integer      NOT NULL DEFAULT 0,
    suspecttimes text         NULL,
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,
    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid) ON DELETE CASCADE
);

-- Inserts a member row if the table version is still p_version, then moves the version on.
-- The version row is locked first, so concurrent writers serialise and the loser sees the new version (false).
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deploymentid text, p_address text, p_port integer, p_generation integer,
    p_siloname text, p_hostname text, p_status integer, p_proxyport integer,
    p_starttime timestamptz, p_iamalivetime timestamptz, p_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1 FROM orleansmembershipversiontable
     WHERE deploymentid = p_deploymentid AND version = p_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
    VALUES
        (p_deploymentid, p_address, p_port, p_generation, p_siloname, p_hostname, p_status,
         coalesce(p_proxyport, 0), p_starttime, p_iamalivetime)
    ON CONFLICT ON CONSTRAINT pk_orleansmembershiptable DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleansmembershipversiontable
       SET version = version + 1, updatedat = now()
     WHERE deploymentid = p_deploymentid;
    RETURN true;
END
$fn$;

-- Updates a member row (status, suspicions, heartbeat) if the table version is still p_version, then moves it on.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deploymentid text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspecttimes text, p_iamalivetime timestamptz, p_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1 FROM orleansmembershipversiontable
     WHERE deploymentid = p_deploymentid AND version = p_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleansmembershiptable
       SET status = p_status, suspecttimes = p_suspecttimes, iamalivetime = p_iamalivetime
     WHERE deploymentid = p_deploymentid AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleansmembershipversiontable
       SET version = version + 1, updatedat = now()
     WHERE deploymentid = p_deploymentid;
    RETURN true;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO orleansmembershipversiontable (deploymentid)
    VALUES (@DeploymentId)
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted"
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                 @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Succeeded"
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation,
                                 @Status, @SuspectTimes, @IAmAliveTime, @Version) AS "Succeeded"
$q$),

('UpdateIAmAlivetimeKey', $q$
UPDATE orleansmembershiptable
   SET iamalivetime = @IAmAliveTime
 WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

('MembershipReadRowKey', $q$
SELECT v.version      AS "Version",
       m.deploymentid AS "DeploymentId",
       m.address      AS "Address",
       m.port         AS "Port",
       m.generation   AS "Generation",
       m.siloname     AS "SiloName",
       m.hostname     AS "HostName",
       m.status       AS "Status",
       m.proxyport    AS "ProxyPort",
       m.suspecttimes AS "SuspectTimes",
       m.starttime    AS "StartTime",
       m.iamalivetime AS "IAmAliveTime"
  FROM orleansmembershipversiontable v
  LEFT JOIN orleansmembershiptable m
    ON m.deploymentid = v.deploymentid
   AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
 WHERE v.deploymentid = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT v.version      AS "Version",
       m.deploymentid AS "DeploymentId",
       m.address      AS "Address",
       m.port         AS "Port",
       m.generation   AS "Generation",
       m.siloname     AS "SiloName",
       m.hostname     AS "HostName",
       m.status       AS "Status",
       m.proxyport    AS "ProxyPort",
       m.suspecttimes AS "SuspectTimes",
       m.starttime    AS "StartTime",
       m.iamalivetime AS "IAmAliveTime"
  FROM orleansmembershipversiontable v
  LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
 WHERE v.deploymentid = @DeploymentId
 ORDER BY m.address, m.port, m.generation
$q$),

('GatewaysQueryKey', $q$
SELECT address AS "Address", proxyport AS "ProxyPort", generation AS "Generation"
  FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId
$q$),

-- Fallback bulk clean-up (used by the provider only when CleanupDefunctSiloEntryKey is absent): dead rows
-- whose start and last heartbeat are both older than the cut-off.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId AND status = 6
   AND iamalivetime < @IAmAliveTime AND starttime < @IAmAliveTime
$q$),

-- Per-row clean-up: the provider picks eligible dead rows itself and deletes each one only if it is still
-- exactly as it read it (a row that changed meanwhile stays).
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
   AND status = 6
   AND starttime = @StartTime AND iamalivetime = @IAmAliveTime
   AND coalesce(suspecttimes, '') = coalesce(@SuspectTimes, '')
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
