using System.Diagnostics;
using CollabInsights.Domain;
using DuckDB.NET.Data;

namespace CollabInsights.Reconciliation;

/// <summary>
/// Benchmark of <see cref="Reconciler"/> against DuckDB: N off-chain payments and N on-chain payments (in a
/// 6-decimal USD token) where 1% of records fall in each of amount_mismatch, period_mismatch,
/// counterparty_mismatch, only_off_chain and only_on_chain. DuckDB runs a full outer join on the full key,
/// then the same three mismatch joins on the leftovers, with the same rounding and token mapping.
/// </summary>
public static class ReconciliationBenchmark
{
    /// <summary>Generates the two sides for <paramref name="n"/> records (deterministic; every record's project, metric and period is unique).</summary>
    public static (CollabDataset OffChain, CollabDataset OnChain) Generate(int n)
    {
        var off = new List<OutcomePayment>(n);
        var on = new List<OutcomePayment>(n);
        var projects = Enumerable.Range(0, (n / 400) + 1).Select(p => $"BP-{p:D5}").ToArray();
        var payers = Enumerable.Range(0, 50).Select(p => $"PAYER-{p:D2}").ToArray();
        var providers = Enumerable.Range(0, (n / 400) + 1).Select(p => $"PROV-{p:D5}").ToArray();
        var metrics = Enumerable.Range(0, 4).Select(m => $"outcomemetric{m + 1}").ToArray();
        var periods = Enumerable.Range(0, 200).Select(q => (PartialDate.OfMonth(2000 + (q / 4), ((q % 4) * 3) + 1), PartialDate.OfMonth(2000 + (q / 4), ((q % 4) * 3) + 3))).ToArray();
        const string blockHash = "0x00000000000000000000000000000000000000000000000000000000000000aa";
        for (var i = 0; i < n; i++)
        {
            var p = i / 400;
            var (ps, pe) = periods[i % 100];
            var amount = 1000m + ((i % 997) * 13.37m);
            var payment = new OutcomePayment(projects[p], metrics[(i / 100) % 4], ps, pe, payers[p % 50], providers[p], PaymentType.Actual, new Money(amount, "USD"), null, null, new FileProvenance("bench_offchain.csv", i + 1));
            off.Add(payment);
            var chain = new ChainProvenance(31337, i / 100, blockHash, $"0x{i:x64}", i % 100, null);
            var token = new Money(amount + (0.000001m * (i % 4)), "USDC");
            switch (i % 100)
            {
                case 0:
                    on.Add(payment with { Amount = token with { Amount = token.Amount + 1m }, Provenance = chain });
                    break;
                case 1:
                    on.Add(payment with { PeriodStart = periods[(i % 100) + 100].Item1, PeriodEnd = periods[(i % 100) + 100].Item2, Amount = token, Provenance = chain });
                    break;
                case 2:
                    on.Add(payment with { RecipientId = "PROV-OTHER", Amount = token, Provenance = chain });
                    break;
                case 3:
                    on.Add(payment with { ProjectId = "BX-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Amount = token, Provenance = chain });
                    break;
                default:
                    on.Add(payment with { Amount = token, Provenance = chain });
                    break;
            }
        }

        return (CollabDataset.Empty with { Payments = off }, CollabDataset.Empty with { Payments = on });
    }

    /// <summary>Runs ours, then DuckDB, on the same generated data; reports times, counts and peak memory.</summary>
    public static async Task<ReconciliationBenchmarkResult> RunAsync(int n, CancellationToken cancellationToken = default)
    {
        var (offChain, onChain) = Generate(n);
        GC.Collect();
        var sw = Stopwatch.StartNew();
        var ours = Reconciler.Reconcile(offChain, onChain, new ReconciliationOptions { IncludeResults = false }, keepMatchedEntries: false);
        var oursSeconds = sw.Elapsed.TotalSeconds;
        var peakOurs = PeakBytes();
        var oursCounts = ours.Counts.ToDictionary(kv => ReconciliationResult.NameOf(kv.Key), kv => kv.Value);

        using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        sw.Restart();
        Execute(connection, "CREATE TABLE offc (id INTEGER, project VARCHAR, metric VARCHAR, ps VARCHAR, pe VARCHAR, payer VARCHAR, recipient VARCHAR, amount DECIMAL(18,6), currency VARCHAR)");
        Execute(connection, "CREATE TABLE onc (id INTEGER, project VARCHAR, metric VARCHAR, ps VARCHAR, pe VARCHAR, payer VARCHAR, recipient VARCHAR, amount DECIMAL(18,6), currency VARCHAR)");
        Append(connection, "offc", offChain.Payments);
        Append(connection, "onc", onChain.Payments);
        var loadSeconds = sw.Elapsed.TotalSeconds;
        sw.Restart();
        string[] sql =
        [
            "CREATE TEMP TABLE onv AS SELECT id, project, metric, ps, pe, payer, recipient, ROUND(amount, 2) AS amount, CASE currency WHEN 'USDC' THEN 'USD' WHEN 'USDT' THEN 'USD' WHEN 'DAI' THEN 'USD' ELSE currency END AS currency FROM onc",
            "CREATE TEMP TABLE offv AS SELECT id, project, metric, ps, pe, payer, recipient, ROUND(amount, 2) AS amount, currency FROM offc",
            "CREATE TEMP TABLE j1 AS SELECT a.id AS oid, b.id AS cid FROM offv a FULL OUTER JOIN onv b ON a.project = b.project AND a.metric = b.metric AND a.ps = b.ps AND a.pe = b.pe AND a.payer = b.payer AND a.recipient = b.recipient AND a.amount = b.amount AND a.currency = b.currency",
            "CREATE TEMP TABLE lo1 AS SELECT a.* FROM offv a JOIN j1 ON j1.oid = a.id WHERE j1.cid IS NULL",
            "CREATE TEMP TABLE lc1 AS SELECT b.* FROM onv b JOIN j1 ON j1.cid = b.id WHERE j1.oid IS NULL",
            "CREATE TEMP TABLE m2 AS SELECT a.id AS oid, b.id AS cid FROM lo1 a JOIN lc1 b ON a.project = b.project AND a.metric = b.metric AND a.ps = b.ps AND a.pe = b.pe AND a.payer = b.payer AND a.recipient = b.recipient AND a.currency = b.currency",
            "CREATE TEMP TABLE lo2 AS SELECT * FROM lo1 ANTI JOIN m2 ON lo1.id = m2.oid",
            "CREATE TEMP TABLE lc2 AS SELECT * FROM lc1 ANTI JOIN m2 ON lc1.id = m2.cid",
            "CREATE TEMP TABLE m3 AS SELECT a.id AS oid, b.id AS cid FROM lo2 a JOIN lc2 b ON a.project = b.project AND a.metric = b.metric AND a.payer = b.payer AND a.recipient = b.recipient AND a.amount = b.amount AND a.currency = b.currency",
            "CREATE TEMP TABLE lo3 AS SELECT * FROM lo2 ANTI JOIN m3 ON lo2.id = m3.oid",
            "CREATE TEMP TABLE lc3 AS SELECT * FROM lc2 ANTI JOIN m3 ON lc2.id = m3.cid",
            "CREATE TEMP TABLE m4 AS SELECT a.id AS oid, b.id AS cid FROM lo3 a JOIN lc3 b ON a.project = b.project AND a.metric = b.metric AND a.ps = b.ps AND a.pe = b.pe AND a.amount = b.amount AND a.currency = b.currency",
        ];
        foreach (var statement in sql)
        {
            Execute(connection, statement);
        }

        var duck = new Dictionary<string, long>
        {
            ["matched"] = Scalar(connection, "SELECT count(*) FROM j1 WHERE oid IS NOT NULL AND cid IS NOT NULL"),
            ["amount_mismatch"] = Scalar(connection, "SELECT count(*) FROM m2"),
            ["period_mismatch"] = Scalar(connection, "SELECT count(*) FROM m3"),
            ["counterparty_mismatch"] = Scalar(connection, "SELECT count(*) FROM m4"),
            ["only_off_chain"] = Scalar(connection, "SELECT (SELECT count(*) FROM lo3) - (SELECT count(*) FROM m4)"),
            ["only_on_chain"] = Scalar(connection, "SELECT (SELECT count(*) FROM lc3) - (SELECT count(*) FROM m4)"),
        };
        var duckSeconds = sw.Elapsed.TotalSeconds;
        return new ReconciliationBenchmarkResult(n, oursSeconds, duckSeconds, loadSeconds, oursCounts, duck, peakOurs, PeakBytes());
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

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Append(DuckDBConnection connection, string table, IReadOnlyList<OutcomePayment> payments)
    {
        using var appender = connection.CreateAppender(table);
        for (var i = 0; i < payments.Count; i++)
        {
            var p = payments[i];
            appender.CreateRow()
                .AppendValue(i)
                .AppendValue(p.ProjectId)
                .AppendValue(p.MetricId)
                .AppendValue(p.PeriodStart?.ToString())
                .AppendValue(p.PeriodEnd?.ToString())
                .AppendValue(p.PayerId)
                .AppendValue(p.RecipientId)
                .AppendValue(p.Amount!.Value.Amount)
                .AppendValue(p.Amount.Value.Currency)
                .EndRow();
        }
    }
}
