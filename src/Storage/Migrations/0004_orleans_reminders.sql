-- Upt: schema and queries for Microsoft.Orleans.Reminders.AdoNet on PostgreSQL.
--
-- Contract (Orleans 10.4.x, invariant "Npgsql"):
--   * A reminder is identified by @ServiceId, @GrainId (GrainId.ToString(), "type/key") and @ReminderName.
--   * @GrainHash is GrainId.GetUniformHashCode() cast from uint to int. The provider picks ReadRangeRows1Key for a
--     range that does not wrap when compared as SIGNED ints (begin < end), ReadRangeRows2Key otherwise; both
--     treat the range as (BeginHash, EndHash], so the column holds the signed value and compares signed.
--   * The ETag is the row's integer "Version". UpsertReminderRowKey answers the new version (one row);
--     DeleteReminderRowKey deletes only at the given @Version and answers one boolean column.
--   * Reads answer "GrainId", "ReminderName", "StartTime" (UTC), "Period" (bigint milliseconds), "Version".

CREATE TABLE IF NOT EXISTS orleansremindertable
(
    serviceid    varchar(150)  NOT NULL,
    grainid      varchar(1024) NOT NULL,
    remindername varchar(150)  NOT NULL,
    starttime    timestamptz   NOT NULL,
    period       bigint        NOT NULL,
    grainhash    integer       NOT NULL,
    version      integer       NOT NULL,
    CONSTRAINT pk_orleansremindertable PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX IF NOT EXISTS ix_orleansremindertable_grainhash ON orleansremindertable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', $q$
INSERT INTO orleansremindertable AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT ON CONSTRAINT pk_orleansremindertable DO UPDATE
   SET starttime = EXCLUDED.starttime,
       period = EXCLUDED.period,
       grainhash = EXCLUDED.grainhash,
       version = r.version + 1
RETURNING r.version AS "Version"
$q$),

('ReadReminderRowsKey', $q$
SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleansremindertable
 WHERE serviceid = @ServiceId AND grainid = @GrainId
$q$),

('ReadReminderRowKey', $q$
SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleansremindertable
 WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName
$q$),

('ReadRangeRows1Key', $q$
SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleansremindertable
 WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash
$q$),

('ReadRangeRows2Key', $q$
SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleansremindertable
 WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash)
$q$),

('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleansremindertable
     WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted"
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleansremindertable WHERE serviceid = @ServiceId
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
