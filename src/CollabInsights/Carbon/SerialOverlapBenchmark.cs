using System.Diagnostics;
using DuckDB.NET.Data;

namespace CollabInsights.Carbon;

/// <summary>
/// Benchmark of serial-overlap detection against DuckDB: N credit blocks in series of about 50 per stem (a project's vintage
/// batch, as registries number them), consecutive and disjoint except for planted overlaps (one block in 1,000 is moved onto
/// its neighbour). Ours is <see cref="SerialOverlaps.Find"/>; DuckDB runs the interval self-join
/// <c>a.stem = b.stem AND a.id &lt; b.id AND a.first &lt;= b.last AND b.first &lt;= a.last</c>. Both must find the same pairs.
/// </summary>
public static class SerialOverlapBenchmark
{
    /// <summary>The blocks for <paramref name="n"/> and <paramref name="seed"/> (deterministic) and the number of overlapping pairs planted.</summary>
    public static (int[] Stems, long[] First, long[] Last, int Planted) Generate(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var random = new Random(seed);
        var stems = new int[n];
        var first = new long[n];
        var last = new long[n];
        var stem = 0;
        long next = 0;
        var inStem = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || inStem >= 50)
            {
                stem = i == 0 ? 0 : stem + 1;
                next = random.NextInt64(1, 900_000_000_000L);
                inStem = 0;
            }

            var size = random.Next(1, 1000);
            stems[i] = stem;
            first[i] = next;
            last[i] = next + size - 1;
            next += size;
            inStem++;
        }

        // Plant: one block in 1,000 (the 526th, 1,526th, ...; never the first of its stem) is shifted back to overlap the block before it.
        var planted = 0;
        for (var i = 525; i < n; i += 1000)
        {
            if (stems[i] == stems[i - 1])
            {
                var length = last[i] - first[i];
                first[i] = last[i - 1];
                last[i] = first[i] + length;
                planted++;
            }
        }

        // Shuffle, so neither engine gets the blocks in order.
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (stems[i], stems[j]) = (stems[j], stems[i]);
            (first[i], first[j]) = (first[j], first[i]);
            (last[i], last[j]) = (last[j], last[i]);
        }

        return (stems, first, last, planted);
    }

    /// <summary>Runs ours, then DuckDB, on the same generated blocks; reports times, pairs and peak memory.</summary>
    public static async Task<SerialOverlapBenchmarkResult> RunAsync(int n, int seed = 42, CancellationToken cancellationToken = default)
    {
        var (stems, first, last, planted) = Generate(n, seed);
        GC.Collect();
        var sw = Stopwatch.StartNew();
        var ours = SerialOverlaps.Find(stems, first, last);
        var oursSeconds = sw.Elapsed.TotalSeconds;
        var peakOurs = PeakBytes();

        using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        Execute(connection, "SET memory_limit='2GB'");
        sw.Restart();
        Execute(connection, "CREATE TABLE blocks (id INTEGER, stem INTEGER, first BIGINT, last BIGINT)");
        using (var appender = connection.CreateAppender("blocks"))
        {
            for (var i = 0; i < n; i++)
            {
                appender.CreateRow().AppendValue(i).AppendValue(stems[i]).AppendValue(first[i]).AppendValue(last[i]).EndRow();
            }
        }

        var loadSeconds = sw.Elapsed.TotalSeconds;
        cancellationToken.ThrowIfCancellationRequested();
        sw.Restart();
        var duck = new List<(int, int)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT a.id, b.id FROM blocks a JOIN blocks b ON a.stem = b.stem AND a.id < b.id AND a.first <= b.last AND b.first <= a.last";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                duck.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
        }

        duck.Sort();
        var duckSeconds = sw.Elapsed.TotalSeconds;
        var identical = ours.Count == duck.Count && ours.SequenceEqual(duck);
        return new SerialOverlapBenchmarkResult(n, seed, stems.Length == 0 ? 0 : stems.Max() + 1, planted, oursSeconds, duckSeconds, loadSeconds, ours.Count, duck.Count, identical, peakOurs, PeakBytes());
    }

    private static long PeakBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
