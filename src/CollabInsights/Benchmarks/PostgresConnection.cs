namespace CollabInsights.Benchmarks;

/// <summary>Finds the PostgreSQL connection string the benchmark uses.</summary>
public static class PostgresConnection
{
    /// <summary>The environment variable holding the connection string: <c>COLLAB_PG</c>.</summary>
    public const string EnvironmentVariable = "COLLAB_PG";

    /// <summary>Returns <paramref name="connectionString"/> or <c>COLLAB_PG</c>; throws a <see cref="CollabInsightsException"/> naming <c>scripts/postgres.sh</c> when neither is set.</summary>
    public static string Resolve(string? connectionString = null) => Resolve(connectionString, Environment.GetEnvironmentVariable);

    internal static string Resolve(string? connectionString, Func<string, string?> environment) =>
        connectionString is { Length: > 0 } ? connectionString
        : environment(EnvironmentVariable) is { Length: > 0 } env ? env
        : throw new CollabInsightsException(CollabInsightsErrorCode.MissingPrerequisite, "PostgreSQL is not configured: COLLAB_PG is not set. Start the project's server and set it with: eval \"$(bash scripts/postgres.sh --export)\"");
}
