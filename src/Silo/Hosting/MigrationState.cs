namespace Upt.Silo.Hosting;

/// <summary>Whether the schema migrations have been applied in this process.</summary>
internal sealed class MigrationState
{
    public volatile bool Done;
}
