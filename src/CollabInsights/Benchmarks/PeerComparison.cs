using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CollabInsights.Benchmarks.Internal;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollabInsights.Benchmarks;

/// <summary>
/// Shows the benchmark harness is not the bottleneck: our PostgreSQL inserts against
/// <c>pgbench</c> running the same INSERT as a custom script with the same clients, and our
/// SQLite inserts against the same statements in a plain Microsoft.Data.Sqlite loop, in the same run.
/// </summary>
public static partial class PeerComparison
{
    /// <summary>Runs the comparisons chosen in <paramref name="options"/>; progress reports each finished side as text.</summary>
    public static async Task<IReadOnlyList<PeerComparisonResult>> RunAsync(PeerComparisonOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.N < 1 || options.Clients < 1 || options.Rounds < 1)
        {
            throw new CollabInsightsException("N, clients and rounds must each be at least 1.");
        }

        var results = new List<PeerComparisonResult>();
        if (options.Peers.Contains("postgres"))
        {
            results.Add(await PostgresAsync(options, progress, cancellationToken).ConfigureAwait(false));
        }

        if (options.Peers.Contains("sqlite"))
        {
            results.Add(await SqliteAsync(options, progress, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>The pgbench custom script: the same INSERT into the same table as <see cref="PostgresBackend"/>, values of the same types and sizes.</summary>
    public const string PgbenchScript = """
        \set r random(1, 1000000000000)
        \set c random(1, 50)
        INSERT INTO outcome_records (id, project_id, funder_id, metric_id, period_start, period_end, outcome_count, amount_minor, currency, evidence_hash) VALUES ('pgb-' || :client_id || '-' || :r, 'proj-017', 'funder-03', 'proj-017/m2', '2019-04-01', '2019-06-30', :c, :c * 120050, 'GBP', md5(:r::text) || md5(:c::text));

        """;

    private static async Task<PeerComparisonResult> PostgresAsync(PeerComparisonOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var connectionString = PostgresConnection.Resolve(options.PostgresConnectionString);
        var pgbench = FindPgbench(options.PgbenchPath);
        var schema = "collab_bench_peer_" + Guid.NewGuid().ToString("N")[..8];
        var work = Path.Combine(Path.GetTempPath(), "collab-peer-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        var script = Path.Combine(work, "insert.sql");
        await File.WriteAllTextAsync(script, PgbenchScript.Replace("\r\n", "\n", StringComparison.Ordinal), ct).ConfigureAwait(false);
        var perClient = Math.Max(1, options.N / options.Clients);
        var total = perClient * options.Clients;
        var ours = new List<double>();
        var peer = new List<double>();
        var oursCpu = new List<double>();
        var peerCpu = new List<double>();
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var arguments = new[] { "-n", "-M", "prepared", "-c", Str(options.Clients), "-j", Str(options.Clients), "-t", Str(perClient), "-f", script, "-h", cs.Host ?? "127.0.0.1", "-p", Str(cs.Port), "-U", cs.Username ?? "postgres", cs.Database ?? "postgres" };
        try
        {
            await using var backend = new PostgresBackend(connectionString, schema);
            await backend.ResetAsync(ct).ConfigureAwait(false);
            await LoadGenerator.RunAsync(Math.Min(total, 500), null, RateControl.FixedLoad(options.Clients), (i, t) => backend.WriteAsync(BenchOutcomeRecord.Generate(options.Seed + 1, i), t), null, ct).ConfigureAwait(false);
            for (var round = 1; round <= options.Rounds; round++)
            {
                // Alternate which side goes first (ABBA...), so a load change on the shared machine does not always hit the same side.
                foreach (var harnessTurn in HarnessFirst(round) ? new[] { true, false } : [false, true])
                {
                    await backend.ResetAsync(ct).ConfigureAwait(false);
                    if (harnessTurn)
                    {
                        var cpu = CpuClock.Start();
                        var sample = await LoadGenerator.RunAsync(total, null, RateControl.FixedLoad(options.Clients), (i, t) => backend.WriteAsync(BenchOutcomeRecord.Generate(options.Seed, i), t), null, ct).ConfigureAwait(false);
                        if (sample.Failed > 0)
                        {
                            throw new CollabInsightsException($"{sample.Failed} of our PostgreSQL inserts failed: {sample.FirstError}");
                        }

                        ours.Add(sample.ThroughputTps);
                        oursCpu.Add(cpu.OwnMicroseconds() / total);
                        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"round {round}: harness PostgreSQL insert {sample.ThroughputTps:0} records/s, client CPU {oursCpu[^1]:0.0} us/insert"));
                    }
                    else
                    {
                        var cpu = CpuClock.Start();
                        var tps = await RunPgbenchAsync(pgbench, arguments, cs, schema, ct).ConfigureAwait(false);
                        peer.Add(tps);
                        peerCpu.Add(cpu.ChildMicroseconds() / total);
                        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"round {round}: pgbench insert {tps:0} records/s, client CPU {peerCpu[^1]:0.0} us/insert"));
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return Result("postgres: harness vs pgbench", total, options, ours, peer,
            "PGSSLMODE=" + LibpqSslMode(cs.SslMode) + " PGOPTIONS='-c search_path=" + schema + "' pgbench " + string.Join(' ', arguments.Select(a => a == script ? "insert.sql" : a))) with
        {
            OursCpuMicrosecondsPerInsert = PeerComparisonResult.Median(oursCpu),
            PeerCpuMicrosecondsPerInsert = CpuClock.Available ? PeerComparisonResult.Median(peerCpu) : null,
        };
    }

    private static async Task<PeerComparisonResult> SqliteAsync(PeerComparisonOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var work = Path.Combine(Path.GetTempPath(), "collab-peer-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        var ours = new List<double>();
        var peer = new List<double>();
        try
        {
            await using var backend = new SqliteBackend(Path.Combine(work, "harness.db"));
            await backend.ResetAsync(ct).ConfigureAwait(false);
            await LoadGenerator.RunAsync(Math.Min(options.N, 2000), null, RateControl.FixedLoad(1), (i, t) => backend.WriteAsync(BenchOutcomeRecord.Generate(options.Seed + 1, i), t), null, ct).ConfigureAwait(false);
            PlainSqliteLoop(Path.Combine(work, "plain-warmup.db"), Math.Min(options.N, 2000), options.Seed + 1);
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var harnessTurn in HarnessFirst(round) ? new[] { true, false } : [false, true])
                {
                    if (harnessTurn)
                    {
                        await backend.ResetAsync(ct).ConfigureAwait(false);
                        var sample = await LoadGenerator.RunAsync(options.N, null, RateControl.FixedLoad(1), (i, t) => backend.WriteAsync(BenchOutcomeRecord.Generate(options.Seed, i), t), null, ct).ConfigureAwait(false);
                        if (sample.Failed > 0)
                        {
                            throw new CollabInsightsException($"{sample.Failed} of our SQLite inserts failed: {sample.FirstError}");
                        }

                        ours.Add(sample.ThroughputTps);
                        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"round {round}: harness SQLite insert {sample.ThroughputTps:0} records/s"));
                    }
                    else
                    {
                        var plain = PlainSqliteLoop(Path.Combine(work, $"plain-{round}.db"), options.N, options.Seed);
                        peer.Add(plain);
                        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"round {round}: plain SQLite loop {plain:0} records/s"));
                    }
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }

        return Result("sqlite: harness vs plain Microsoft.Data.Sqlite loop", options.N, options with { Clients = 1 }, ours, peer,
            "same file settings (WAL, synchronous=NORMAL), same CREATE TABLE and INSERT, one prepared command executed in a for loop, one transaction per insert");
    }

    /// <summary>The peer: the same pragmas, table and INSERT, executed in a plain synchronous loop; returns records per second.</summary>
    private static double PlainSqliteLoop(string file, long n, int seed)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; " +
                "CREATE TABLE outcome_records (id TEXT NOT NULL UNIQUE, project_id TEXT NOT NULL, funder_id TEXT NOT NULL, metric_id TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL, outcome_count integer NOT NULL, amount_minor bigint NOT NULL, currency TEXT NOT NULL, evidence_hash TEXT NOT NULL); " +
                "CREATE INDEX outcome_records_period ON outcome_records (period_start);";
            setup.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO outcome_records (id, project_id, funder_id, metric_id, period_start, period_end, outcome_count, amount_minor, currency, evidence_hash) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)";
        var parameters = Enumerable.Range(0, 10).Select(i => insert.Parameters.Add(new SqliteParameter("@p" + Str(i), null))).ToArray();
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < n; i++)
        {
            var r = BenchOutcomeRecord.Generate(seed, i);
            parameters[0].Value = r.Id;
            parameters[1].Value = r.ProjectId;
            parameters[2].Value = r.FunderId;
            parameters[3].Value = r.MetricId;
            parameters[4].Value = r.PeriodStart;
            parameters[5].Value = r.PeriodEnd;
            parameters[6].Value = r.Count;
            parameters[7].Value = r.AmountMinor;
            parameters[8].Value = r.Currency;
            parameters[9].Value = r.EvidenceHash;
            insert.ExecuteNonQuery();
        }

        return n / clock.Elapsed.TotalSeconds;
    }

    /// <summary>libpq's <c>sslmode</c> for Npgsql's <see cref="SslMode"/>, so pgbench encrypts (or not) exactly as our connections do.</summary>
    internal static string LibpqSslMode(SslMode mode) => mode switch
    {
        SslMode.Disable => "disable",
        SslMode.Allow => "allow",
        SslMode.Prefer => "prefer",
        SslMode.Require => "require",
        SslMode.VerifyCA => "verify-ca",
        SslMode.VerifyFull => "verify-full",
        _ => "prefer",
    };

    private static async Task<double> RunPgbenchAsync(string pgbench, IEnumerable<string> arguments, NpgsqlConnectionStringBuilder connection, string schema, CancellationToken ct)
    {
        var start = new ProcessStartInfo(pgbench) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        start.Environment["PGSSLMODE"] = LibpqSslMode(connection.SslMode);
        start.Environment["PGOPTIONS"] = "-c search_path=" + schema;
        using var process = Process.Start(start) ?? throw new CollabInsightsException($"Could not start {pgbench}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var text = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        var match = TpsLine().Match(text);
        if (process.ExitCode != 0 || !match.Success)
        {
            throw new CollabInsightsException($"pgbench failed (exit code {process.ExitCode}): {errors.Trim()} {text.Trim()}");
        }

        var failed = FailedLine().Match(text);
        if (failed.Success && failed.Groups[1].Value != "0")
        {
            throw new CollabInsightsException($"pgbench reported {failed.Groups[1].Value} failed transactions: {errors.Trim()}");
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string FindPgbench(string? path)
    {
        if (path is { Length: > 0 })
        {
            return File.Exists(path) ? path : throw new CollabInsightsException(CollabInsightsErrorCode.NotFound, $"pgbench was not found at {path} (PeerComparisonOptions.PgbenchPath).", "PeerComparisonOptions.PgbenchPath");
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "pgbench"))
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", "pgbench")) : []);
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new CollabInsightsException(CollabInsightsErrorCode.MissingPrerequisite, "pgbench was not found on PATH or under /usr/lib/postgresql/*/bin. Install Debian's postgresql-contrib (apt-get install postgresql-contrib) or set PeerComparisonOptions.PgbenchPath.", "PeerComparisonOptions.PgbenchPath");
    }

    /// <summary>Odd rounds run our side first, even rounds the peer first.</summary>
    private static bool HarnessFirst(int round) => round % 2 == 1;

    /// <summary>
    /// The ratio is the median over rounds of ours divided by the peer's in the same round: each pair ran back to back,
    /// so a change of load on a shared machine between rounds cancels out, and one disturbed round does not decide.
    /// </summary>
    private static PeerComparisonResult Result(string comparison, long n, PeerComparisonOptions options, List<double> ours, List<double> peer, string peerCommand)
    {
        var ratio = PeerComparisonResult.Median(ours.Zip(peer, (o, p) => o / p).ToList());
        return new PeerComparisonResult(comparison, n, options.Clients, ours, peer, ratio, ratio >= 1 - options.Tolerance, peerCommand);
    }

    private static string Str(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"number of failed transactions: (\d+)")]
    private static partial Regex FailedLine();
}
