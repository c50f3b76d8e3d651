-- Upt: the query catalogue read by the Orleans ADO.NET providers (clustering, persistence, reminders).
-- At start-up each provider runs `SELECT QueryKey, QueryText FROM OrleansQuery` (unquoted, so PostgreSQL folds
-- the names to lower case) and executes the stored text for each operation, binding named @Parameters.
-- Later scripts register their rows with INSERT ... ON CONFLICT DO UPDATE so that re-running them is harmless.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);
