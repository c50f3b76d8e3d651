using System.ComponentModel.DataAnnotations;

namespace Upt.Storage;

/// <summary>Where Upt's PostgreSQL lives. Bound from configuration section <c>Postgres</c>.</summary>
public sealed class PostgresOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Postgres";

    /// <summary>Npgsql connection string (secrets come from the environment or a Kubernetes Secret).</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Run the idempotent schema migrations at start-up.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
