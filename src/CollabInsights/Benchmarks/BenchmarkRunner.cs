using System.Diagnostics;
using CollabInsights.Benchmarks.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Benchmarks;

/// <summary>
/// Runs the outcome-record workloads against each backend at each N and measures them the way
/// Hyperledger Caliper does. For every backend and N the storage is reset, then the workloads
/// run in <see cref="BenchmarkOptions.AllWorkloads"/> order (the tamper test last, as it
/// corrupts one record).
/// </summary>
public static class BenchmarkRunner
{
    /// <summary>Runs the benchmark described by <paramref name="options"/>.</summary>
    public static async Task<BenchmarkRun> RunAsync(BenchmarkOptions options, IProgress<BenchmarkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(options);
        var started = DateTimeOffset.UtcNow;
        var ownsWorkDir = options.WorkDirectory is null;
        var workDir = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "collab-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(workDir);
        var results = new List<BenchmarkResult>();
        var steps = options.Backends.Count * options.Sizes.Count * options.Workloads.Count;
        var step = 0;
        await using var insider = new InsiderTamper();
        try
        {
            foreach (var name in options.Backends)
            {
                await using var backend = BackendCatalog.Create(name, options, workDir);
                foreach (var n in options.Sizes)
                {
                    var context = new RunContext(options, backend, n, progress, steps);
                    await backend.ResetAsync(cancellationToken).ConfigureAwait(false);
                    var written = false;
                    foreach (var workload in BenchmarkOptions.AllWorkloads.Where(options.Workloads.Contains))
                    {
                        context.Step = ++step;
                        if (workload is not (BenchmarkWorkloads.Write or BenchmarkWorkloads.WriteBatch) && !written)
                        {
                            await WriteBatchedAsync(context, report: false, cancellationToken).ConfigureAwait(false);
                            written = true;
                        }

                        var result = workload switch
                        {
                            BenchmarkWorkloads.Write => await WriteSingleAsync(context, cancellationToken).ConfigureAwait(false),
                            BenchmarkWorkloads.WriteBatch => await WriteBatchedAsync(context, report: true, cancellationToken).ConfigureAwait(false),
                            BenchmarkWorkloads.PointLookup => await PointLookupAsync(context, cancellationToken).ConfigureAwait(false),
                            BenchmarkWorkloads.RangeQuery => await RangeQueryAsync(context, cancellationToken).ConfigureAwait(false),
                            BenchmarkWorkloads.Aggregate => await AggregateAsync(context, cancellationToken).ConfigureAwait(false),
                            BenchmarkWorkloads.AuditProof => await AuditProofAsync(context, cancellationToken).ConfigureAwait(false),
                            BenchmarkWorkloads.Tamper => await TamperAsync(context, cancellationToken).ConfigureAwait(false),
                            BenchmarkWorkloads.TamperInsider => await InsiderTamperAsync(context, insider, cancellationToken).ConfigureAwait(false),
                            _ => throw new UnreachableException(),
                        };
                        written |= workload is BenchmarkWorkloads.Write or BenchmarkWorkloads.WriteBatch;
                        results.Add(result!);
                    }
                }
            }
        }
        finally
        {
            if (ownsWorkDir)
            {
                try
                {
                    Directory.Delete(workDir, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }

        return new BenchmarkRun(options, MachineDescription.Current(), started, DateTimeOffset.UtcNow, BenchmarkRun.Sorted(results));
    }

    private static void Validate(BenchmarkOptions options)
    {
        if (options.Backends.Count == 0 || options.Sizes.Count == 0 || options.Workloads.Count == 0)
        {
            throw new CollabInsightsException("Choose at least one backend, one N and one workload.");
        }

        foreach (var workload in options.Workloads.Where(w => !BenchmarkOptions.AllWorkloads.Contains(w)))
        {
            throw new CollabInsightsException($"Unknown workload '{workload}'. Use one of: {string.Join(", ", BenchmarkOptions.AllWorkloads)}.");
        }

        foreach (var backend in options.Backends.Where(b => !BenchmarkOptions.AllBackends.Contains(b)))
        {
            throw new CollabInsightsException($"Unknown backend '{backend}'. Use one of: {string.Join(", ", BenchmarkOptions.AllBackends)}.");
        }

        if (options.Sizes.Any(n => n < 1) || options.BatchSize < 1)
        {
            throw new CollabInsightsException("N and the batch size must be at least 1.");
        }
    }

    private static async Task<BenchmarkResult> WriteSingleAsync(RunContext c, CancellationToken ct)
    {
        await c.Backend.ResetAsync(ct).ConfigureAwait(false);
        (c.Backend as IChainMetrics)?.ResetChainMetrics();
        var sample = await c.MeasureAsync(BenchmarkWorkloads.Write, c.N, (i, t) => c.Backend.WriteAsync(BenchOutcomeRecord.Generate(c.Options.Seed, i), t), ct).ConfigureAwait(false);
        await c.Backend.FlushAsync(ct).ConfigureAwait(false);
        c.Written = sample.Succeeded;
        return await c.WriteResultAsync(BenchmarkWorkloads.Write, sample, sample.Succeeded, ct).ConfigureAwait(false);
    }

    private static async Task<BenchmarkResult> WriteBatchedAsync(RunContext c, bool report, CancellationToken ct)
    {
        await c.Backend.ResetAsync(ct).ConfigureAwait(false);
        (c.Backend as IChainMetrics)?.ResetChainMetrics();
        var size = c.Options.BatchSize;
        var batches = (c.N + size - 1) / size;
        var sample = await c.MeasureAsync(BenchmarkWorkloads.WriteBatch, batches, (b, t) =>
        {
            var first = b * size;
            var records = new List<BenchOutcomeRecord>();
            for (var i = first; i < Math.Min(first + size, c.N); i++)
            {
                records.Add(BenchOutcomeRecord.Generate(c.Options.Seed, i));
            }

            return c.Backend.WriteBatchAsync(records, t);
        }, ct).ConfigureAwait(false);
        await c.Backend.FlushAsync(ct).ConfigureAwait(false);
        var records = Math.Min(c.N, sample.Succeeded * size);
        c.Written = records;
        return report ? await c.WriteResultAsync(BenchmarkWorkloads.WriteBatch, sample, records, ct).ConfigureAwait(false) : null!;
    }

    private static async Task<BenchmarkResult> PointLookupAsync(RunContext c, CancellationToken ct)
    {
        var ids = c.RandomIds(Math.Min(c.Options.LookupOperations, c.Written), salt: 1);
        var misses = 0;
        var sample = await c.MeasureAsync(BenchmarkWorkloads.PointLookup, ids.Length, async (i, t) =>
        {
            if (await c.Backend.GetAsync(ids[i], t).ConfigureAwait(false) is null)
            {
                Interlocked.Increment(ref misses);
                throw new CollabInsightsException($"Record {ids[i]} was written but not found.");
            }
        }, ct).ConfigureAwait(false);
        return c.Result(BenchmarkWorkloads.PointLookup, sample) with { Note = misses == 0 ? null : $"{misses} written records were not found" };
    }

    private static async Task<BenchmarkResult> RangeQueryAsync(RunContext c, CancellationToken ct)
    {
        var rng = new Random(c.Options.Seed + 2);
        var starts = Enumerable.Range(0, c.Options.RangeOperations).Select(_ => BenchOutcomeRecord.FirstPeriodStart.AddMonths(3 * rng.Next(BenchOutcomeRecord.PeriodCount - 3))).ToArray();
        long rows = 0;
        var sample = await c.MeasureAsync(BenchmarkWorkloads.RangeQuery, starts.Length, async (i, t) =>
        {
            var found = await c.Backend.QueryPeriodAsync(starts[i], starts[i].AddYears(1).AddDays(-1), t).ConfigureAwait(false);
            Interlocked.Add(ref rows, found.Count);
        }, ct).ConfigureAwait(false);
        return c.Result(BenchmarkWorkloads.RangeQuery, sample) with { Note = $"one-year windows; {rows / Math.Max(1, sample.Succeeded)} records per query on average" };
    }

    private static async Task<BenchmarkResult> AggregateAsync(RunContext c, CancellationToken ct)
    {
        decimal total = 0;
        var sample = await c.MeasureAsync(BenchmarkWorkloads.Aggregate, c.Options.AggregateOperations, async (i, t) =>
        {
            var paid = await c.Backend.PaidPerFunderAsync(t).ConfigureAwait(false);
            total = paid.Values.Sum();
        }, ct).ConfigureAwait(false);
        return c.Result(BenchmarkWorkloads.Aggregate, sample) with { Note = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"paid per funder; total {total:0.00} GBP") };
    }

    private static async Task<BenchmarkResult> AuditProofAsync(RunContext c, CancellationToken ct)
    {
        var ids = c.RandomIds(Math.Min(c.Options.ProofOperations, c.Written), salt: 3);
        var verifyMs = new double[ids.Length];
        var sizes = new double[ids.Length];
        var verified = 0;
        var kind = AuditProofKind.None;
        var sample = await c.MeasureAsync(BenchmarkWorkloads.AuditProof, ids.Length, async (i, t) =>
        {
            var proof = await c.Backend.ProveAsync(ids[i], t).ConfigureAwait(false);
            kind = proof.Kind;
            var clock = Stopwatch.StartNew();
            var ok = await c.Backend.VerifyAsync(proof, t).ConfigureAwait(false);
            verifyMs[i] = clock.Elapsed.TotalMilliseconds;
            sizes[i] = proof.SizeBytes;
            if (ok)
            {
                Interlocked.Increment(ref verified);
            }
        }, ct).ConfigureAwait(false);
        return c.Result(BenchmarkWorkloads.AuditProof, sample) with
        {
            // A plain table has nothing to verify: no verify time or proof size, rather than the time of a no-op.
            VerifyMs = verifyMs.Length == 0 || kind == AuditProofKind.None ? null : verifyMs.Average(),
            ProofBytes = sizes.Length == 0 || kind == AuditProofKind.None ? null : sizes.Average(),
            ProofKind = kind.ToString(),
            Note = kind == AuditProofKind.None
                ? "no proof: a plain table can only return the row as it is now; nothing independent to verify"
                : $"{verified} of {ids.Length} proofs verified against the trusted anchor; latency = produce + verify",
        };
    }

    private static async Task<BenchmarkResult> TamperAsync(RunContext c, CancellationToken ct)
    {
        var id = c.RandomIds(1, salt: 4)[0];
        TamperCheck? check = null;
        var sample = await LoadGenerator.RunAsync(1, null, RateControl.Default, async (_, t) =>
        {
            await c.Backend.TamperAsync(id, "amount_minor", t).ConfigureAwait(false);
            check = await c.Backend.DetectTamperingAsync(t).ConfigureAwait(false);
        }, null, ct).ConfigureAwait(false);
        c.Report(BenchmarkWorkloads.Tamper, 1, 1);
        return c.Result(BenchmarkWorkloads.Tamper, sample) with
        {
            TamperDetected = check?.Detected,
            Note = check is null ? sample.FirstError : $"changed amount of {id} behind the backend's back; {check.Explanation}",
        };
    }

    private static async Task<BenchmarkResult> InsiderTamperAsync(RunContext c, InsiderTamper insider, CancellationToken ct)
    {
        var id = c.RandomIds(1, salt: 5)[0];
        (bool Detected, string Note)? outcome = null;
        var sample = await LoadGenerator.RunAsync(1, null, RateControl.Default, async (_, t) => outcome = await insider.RunAsync(c.Backend, id, t).ConfigureAwait(false), null, ct).ConfigureAwait(false);
        c.Report(BenchmarkWorkloads.TamperInsider, 1, 1);
        return c.Result(BenchmarkWorkloads.TamperInsider, sample) with { TamperDetected = outcome?.Detected, Note = outcome?.Note ?? sample.FirstError };
    }

    private sealed class RunContext(BenchmarkOptions options, ILedgerBackend backend, long n, IProgress<BenchmarkProgress>? progress, int steps)
    {
        public BenchmarkOptions Options => options;

        public ILedgerBackend Backend => backend;

        public long N => n;

        public long Written { get; set; }

        public int Step { get; set; }

        public void Report(string workload, long done, long total) => progress?.Report(new BenchmarkProgress(backend.Name, workload, n, done, total, Step, steps));

        public async Task<LoadGenerator.Sample> MeasureAsync(string workload, long count, Func<long, CancellationToken, Task> op, CancellationToken ct)
        {
            Report(workload, 0, count);
            var every = Math.Max(1, count / 100);
            var duration = workload is BenchmarkWorkloads.Write or BenchmarkWorkloads.WriteBatch ? options.Duration : null;
            var sample = await LoadGenerator.RunAsync(count, duration, options.Rate, op, done =>
            {
                if (done % every == 0 || done == count)
                {
                    Report(workload, done, count);
                }
            }, ct).ConfigureAwait(false);
            return sample;
        }

        public string[] RandomIds(long count, int salt)
        {
            var rng = new Random(options.Seed * 31 + salt);
            return Enumerable.Range(0, (int)count).Select(_ => BenchOutcomeRecord.Generate(options.Seed, rng.NextInt64(Math.Max(1, Written))).Id).ToArray();
        }

        public BenchmarkResult Result(string workload, LoadGenerator.Sample sample) => new()
        {
            Backend = backend.Name,
            Workload = workload,
            N = n,
            RateControl = options.Rate.Kind,
            Succeeded = sample.Succeeded,
            Failed = sample.Failed,
            SendRateTps = sample.SendRateTps,
            ThroughputTps = sample.ThroughputTps,
            Latency = LatencyStats.From(sample.LatenciesMs),
            Note = sample.FirstError is null ? null : "first error: " + sample.FirstError,
        };

        public async Task<BenchmarkResult> WriteResultAsync(string workload, LoadGenerator.Sample sample, long records, CancellationToken ct)
        {
            var result = Result(workload, sample);
            var perOp = sample.Submitted == 0 ? 1.0 : (double)records / Math.Max(1, sample.Succeeded);
            result = result with
            {
                Succeeded = records,
                Failed = (long)Math.Round(sample.Failed * perOp),
                SendRateTps = sample.SendRateTps * perOp,
                ThroughputTps = sample.ThroughputTps * perOp,
                BytesPerRecord = await backend.BytesPerRecordAsync(records, ct).ConfigureAwait(false),
                Note = workload == BenchmarkWorkloads.WriteBatch
                    ? (backend is IChainMetrics
                        ? $"{options.BatchSize} transactions of one record each sent back to back, then all receipts awaited (the ledger records one outcome per call); rates in records/s, latency per batch"
                        : $"{options.BatchSize} records per transaction; rates in records/s, latency per batch") + (result.Note is null ? "" : "; " + result.Note)
                    : result.Note,
            };
            if (backend is IChainMetrics chain)
            {
                var gas = chain.GasPerRecord;
                var confirmations = await chain.ConfirmationLatenciesAsync(ct).ConfigureAwait(false);
                result = result with
                {
                    GasPerRecord = gas,
                    CostPerRecordUsd = gas is { } g ? (double)((decimal)g * options.GasPriceGwei * 1e-9m * options.EthPriceUsd) : null,
                    ConfirmationLatency = LatencyStats.From(confirmations),
                };
            }

            return result;
        }
    }
}
