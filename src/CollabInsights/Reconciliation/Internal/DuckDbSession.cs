using System.Globalization;
using DuckDB.NET.Data;

namespace CollabInsights.Reconciliation.Internal;

/// <summary>An in-memory DuckDB database set up from <see cref="ReconciliationEngineOptions"/> (memory limit, temp directory to spill to, threads), and the few calls every DuckDB user here makes.</summary>
internal sealed class DuckDbSession : IDisposable
{
    private DuckDbSession(DuckDBConnection connection, string spillDirectory)
    {
        Connection = connection;
        SpillDirectory = spillDirectory;
    }

    public DuckDBConnection Connection { get; }

    /// <summary>This session's own folder under the temp directory (removed on dispose), so concurrent runs never share spill files.</summary>
    public string SpillDirectory { get; }

    public void Dispose()
    {
        Connection.Dispose();
        try
        {
            Directory.Delete(SpillDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a spill folder left behind is harmless
        }
    }

    /// <summary>Opens a connection to a new in-memory database with the options' limits.</summary>
    public static async Task<DuckDbSession> OpenAsync(ReconciliationEngineOptions options, CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var limit = options.MemoryLimitBytes ?? ReconciliationEngineOptions.DefaultMemoryLimitBytes;
        if (limit < 64L << 20)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, string.Create(CultureInfo.InvariantCulture, $"The DuckDB memory limit of {limit} bytes is below 64 MiB, too little for DuckDB to run; raise ReconciliationEngineOptions.MemoryLimitBytes."), nameof(ReconciliationEngineOptions.MemoryLimitBytes));
        }

        var temp = Path.Combine(Path.GetFullPath(options.TempDirectory ?? Path.Combine(Path.GetTempPath(), "collab-duckdb")), "run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"SET memory_limit = '{limit >> 20}MiB'"));
        Execute(connection, $"SET temp_directory = {Literal(temp)}");
        Execute(connection, "SET preserve_insertion_order = false");
        if (options.Threads is { } threads)
        {
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"SET threads = {Math.Max(1, threads)}"));
        }

        return new DuckDbSession(connection, temp);
    }

    /// <summary>A SQL string literal: single quotes doubled.</summary>
    public static string Literal(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
