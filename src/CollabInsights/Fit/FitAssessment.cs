using System.Globalization;
using System.Text.Json;
using CollabInsights.Benchmarks;

namespace CollabInsights.Fit;

/// <summary>
/// Walks three published decision frameworks over the same answers and combines them with the
/// collaboration's requirements and measured benchmark figures:
/// Wüst &amp; Gervais (2018), "Do you need a blockchain?", Crypto Valley Conference, Fig. 1 flowchart;
/// Pedersen, Risius &amp; Beck (2019), "A Ten-Step Decision Path to Determine When to Use Blockchain
/// Technologies", MIS Quarterly Executive 18(2) (step wording paraphrased; steps 1-9 follow the paper's
/// published summary: shared data, multiple parties, conflicts of interest, third parties, differing and
/// changing rules, the need for a log, public access and where consensus is determined; step 10, whether a
/// native digital asset is needed, could not be checked against the paper's text here and never changes the verdict);
/// Yaga et al. (2018), NIST IR 8202 "Blockchain Technology Overview", section 9 questions.
/// Blockchain is recommended only when all three frameworks point to it and the measured figures
/// meet the requirements; every reason is cited.
/// </summary>
public static class FitAssessment
{
    private const string Wg = "Wüst & Gervais 2018, Fig. 1";
    private const string Prb = "Pedersen, Risius & Beck 2019";
    private const string Nist = "NIST IR 8202 (Yaga et al. 2018) §9";

    /// <summary>
    /// Assesses <paramref name="answers"/> against the frameworks, then <paramref name="requirements"/> against <paramref name="measured"/> (optional),
    /// and cites <paramref name="writers"/> (optional), the measured writer concentration of <c>collab governance</c>: who holds the pen, against the answer on multiple writers.
    /// </summary>
    public static FitRecommendation Assess(FitAnswers answers, FitRequirements? requirements = null, BenchmarkRun? measured = null, IReadOnlyList<Governance.WriterConcentrationRow>? writers = null)
    {
        requirements ??= new FitRequirements();
        var a = Complete(answers);
        var reasons = new List<FitReason>();
        var wg = WalkWustGervais(a, reasons);
        var prb = WalkPedersen(a, reasons);
        var nist = WalkNist(a, reasons);

        var wantsChain = wg is not "no blockchain";
        var frameworksAgree = wantsChain && !prb.StartsWith("not useful", StringComparison.Ordinal) && !nist.StartsWith("might not need", StringComparison.Ordinal);
        if (wantsChain && !frameworksAgree)
        {
            reasons.Add(new FitReason("combination", "frameworks disagree", $"Wüst & Gervais point to a {wg} blockchain, but {(prb.StartsWith("not useful", StringComparison.Ordinal) ? "the ten-step path says " + prb : "NIST says " + nist)}; a blockchain is recommended only when all three agree.", true));
        }

        var feasible = frameworksAgree && CheckRequirements(a, requirements, measured, reasons);
        var withinBudget = CheckBudget(requirements, measured, frameworksAgree ? wg : "no blockchain", reasons);
        feasible &= withinBudget;
        var auditTrail = a.NeedsImmutableLog == true;
        FitVerdict verdict;
        if (feasible)
        {
            verdict = wg == "permissionless" ? FitVerdict.PublicPermissionlessBlockchain : FitVerdict.PermissionedBlockchain;
        }
        else
        {
            verdict = auditTrail ? FitVerdict.LedgerDatabase : FitVerdict.NoBlockchain;
            if (auditTrail)
            {
                reasons.Add(new FitReason(Prb + ", step 7; " + Nist, "Is there a need for an objective, immutable log?",
                    "A tamper-evident audit trail is still wanted: a hash-chained ledger table with periodically published Merkle roots gives it without a blockchain.", true));
                CheckLedgerDatabase(requirements, measured, reasons);
            }
        }

        foreach (var row in writers?.Where(w => w.Project == Governance.WriterConcentration.All && w.Action == Governance.WriterConcentration.All) ?? [])
        {
            var m = row.Metrics;
            var finding = string.Create(CultureInfo.InvariantCulture, $"On the {row.Source}, {m.Writers} writer(s) made {m.Writes} writes: Nakamoto coefficient {m.NakamotoCoefficient}, HHI {m.Hhi:0} ({m.HhiBand}), Gini {m.Gini:0.00}; {m.TopWriter} made {m.TopShare:P0}.");
            if (a.MultipleWriters == true && m.NakamotoCoefficient == 1)
            {
                finding += " The answers say several parties write, but one of them alone makes more than half of the writes: shared control of the record would be nominal unless the others' writes grow.";
            }

            reasons.Add(new FitReason("measured: writer concentration (HHI bands: US DOJ & FTC Horizontal Merger Guidelines 2010, §5.3)", "Who holds the pen?", finding, false));
        }

        var decisive = reasons.FirstOrDefault(r => r.Decisive);
        var summary = verdict switch
        {
            FitVerdict.NoBlockchain => "No blockchain: a conventional database fits",
            FitVerdict.LedgerDatabase => "A ledger database is enough: a conventional database with a hash-chained, tamper-evident table",
            FitVerdict.PermissionedBlockchain => $"A permissioned blockchain ({(wg.Contains("public", StringComparison.Ordinal) ? "publicly readable" : "private")}) among the known writers",
            _ => "A public permissionless blockchain",
        } + (decisive is null ? "." : $", because {Lower(decisive.Finding)} ({decisive.Source}).");
        return new FitRecommendation(verdict, summary, wg, prb, nist, reasons);
    }

    /// <summary>
    /// Reads a <see cref="FitInput"/> JSON file (snake_case keys) and the benchmark results its
    /// <see cref="FitInput.BenchmarkResults"/> names, resolved against the answers file's folder.
    /// </summary>
    public static Task<(FitInput Input, BenchmarkRun? Measured)> LoadAsync(string path, CancellationToken cancellationToken = default)
        => LoadAsync(path, resultsPath: null, cancellationToken);

    /// <summary>
    /// Reads a <see cref="FitInput"/> JSON file (snake_case keys) and the benchmark results to cite:
    /// <paramref name="resultsPath"/> when given (relative paths resolve against the current directory;
    /// the answers file's own <c>benchmark_results</c> is then neither resolved nor checked), otherwise the
    /// file's <c>benchmark_results</c>, resolved against the answers file's folder; null when neither names one.
    /// </summary>
    public static async Task<(FitInput Input, BenchmarkRun? Measured)> LoadAsync(string path, string? resultsPath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException($"Answers file not found: {Path.GetFullPath(path)}. Write one with keys answers, requirements and benchmark_results (see `collab fit --help`).");
        }

        FitInput input;
        try
        {
            await using var stream = File.OpenRead(path);
            input = await JsonSerializer.DeserializeAsync<FitInput>(stream, JsonOptions, cancellationToken).ConfigureAwait(false)
                ?? throw new CollabInsightsException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new CollabInsightsException($"{path} is not a valid answers file: {ex.Message} Keys: answers.{{{string.Join(", ", FitQuestion.All.Select(q => q.Key))}}}, requirements.{{writes_per_second, acceptable_latency_seconds, records_per_year, budget_usd_per_year, erasure_of_personal_data_required}}, benchmark_results.", ex);
        }

        string? full = null;
        string? origin = null;
        if (resultsPath is { Length: > 0 })
        {
            full = Path.GetFullPath(resultsPath);
            origin = $"--results {resultsPath} resolves against the current directory ({Directory.GetCurrentDirectory()}). Run `collab bench run --out DIR` and pass DIR/results.json.";
        }
        else if (input.BenchmarkResults is { Length: > 0 } results)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            full = Path.GetFullPath(results, folder);
            origin = $"benchmark_results \"{results}\" in {path} resolves against the answers file's folder ({folder}). Fix that path, pass --results FILE (resolved against the current directory) to use other results, or run `collab bench run --out DIR` to measure them.";
        }

        if (full is null)
        {
            return (input, null);
        }

        if (!File.Exists(full))
        {
            throw new CollabInsightsException($"Benchmark results not found at {full}: {origin}");
        }

        return (input, await BenchmarkReport.ReadAsync(full, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>JSON settings for answers files and <c>--json</c> output: snake_case, enums as strings.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(BenchmarkReport.JsonOptions) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    private static FitAnswers Complete(FitAnswers a)
    {
        var missing = new List<string>();
        void Need(bool? value, string key)
        {
            if (value is null)
            {
                missing.Add(key);
            }
        }

        Need(a.NeedsSharedState, "needs_shared_state");
        if (a.NeedsSharedState == true)
        {
            Need(a.MultipleWriters, "multiple_writers");
            if (a.MultipleWriters == true)
            {
                Need(a.TrustedThirdPartyAvailable, "trusted_third_party_available");
                Need(a.AllWritersKnown, "all_writers_known");
                Need(a.AllWritersTrusted, "all_writers_trusted");
                Need(a.PublicVerifiability, "public_verifiability");
            }
        }

        if (missing.Count > 0)
        {
            throw new CollabInsightsException("The assessment needs these answers: " + string.Join(", ", missing) + ". Add them to the answers object (true or false).");
        }

        // Questions only the later framework steps ask default to the answer that does not favour a blockchain.
        return a with
        {
            MultipleWriters = a.MultipleWriters ?? false,
            TrustedThirdPartyAvailable = a.TrustedThirdPartyAvailable ?? true,
            AllWritersKnown = a.AllWritersKnown ?? true,
            AllWritersTrusted = a.AllWritersTrusted ?? true,
            PublicVerifiability = a.PublicVerifiability ?? false,
            AccessRulesDiffer = a.AccessRulesDiffer ?? false,
            TransactionRulesStable = a.TransactionRulesStable ?? true,
            NeedsImmutableLog = a.NeedsImmutableLog ?? false,
            RecordsNeverUpdated = a.RecordsNeverUpdated ?? true,
            SensitiveDataOnLedger = a.SensitiveDataOnLedger ?? false,
            NeedsDigitalAsset = a.NeedsDigitalAsset ?? false,
        };
    }

    private static string WalkWustGervais(FitAnswers a, List<FitReason> reasons)
    {
        if (a.NeedsSharedState != true)
        {
            reasons.Add(new FitReason(Wg + ", Q1", "Do you need to store state?", "No state needs storing, so there is nothing for a blockchain to hold.", true));
            return "no blockchain";
        }

        if (a.MultipleWriters != true)
        {
            reasons.Add(new FitReason(Wg + ", Q2", "Are there multiple writers?", "Only one party writes: a database it runs is enough; a blockchain adds nothing when a single writer can be held to account.", true));
            return "no blockchain";
        }

        if (a.TrustedThirdPartyAvailable == true)
        {
            reasons.Add(new FitReason(Wg + ", Q3", "Can you use an always-online trusted third party?", "A trusted third party every writer accepts can run the database (optionally with published audit hashes); it outperforms a blockchain.", true));
            return "no blockchain";
        }

        if (a.AllWritersKnown != true)
        {
            reasons.Add(new FitReason(Wg + ", Q4", "Are all writers known?", "Writers are not all known in advance: only a permissionless blockchain admits unknown writers.", false));
            return "permissionless";
        }

        if (a.AllWritersTrusted == true)
        {
            reasons.Add(new FitReason(Wg + ", Q5", "Are all writers trusted?", "All writers are known and trusted: a database they share is enough.", true));
            return "no blockchain";
        }

        var isPublic = a.PublicVerifiability == true;
        reasons.Add(new FitReason(Wg + ", Q6", "Is public verifiability required?", isPublic
            ? "Known but mutually distrusting writers, and outsiders must verify: a public permissioned blockchain."
            : "Known but mutually distrusting writers, verification only among participants: a private permissioned blockchain.", false));
        return isPublic ? "permissioned public" : "permissioned private";
    }

    private static string WalkPedersen(FitAnswers a, List<FitReason> reasons)
    {
        (bool Passed, int Step, string Question, string Failure)[] gates =
        [
            (a.NeedsSharedState == true, 1, "Is there a need for a shared common database?", "no shared database is needed"),
            (a.MultipleWriters == true, 2, "Are multiple parties involved?", "only one party is involved"),
            (a.AllWritersTrusted == false, 3, "Do the involved parties have conflicting interests and/or are they untrustworthy?", "the parties trust each other"),
            (a.TrustedThirdPartyAvailable == false, 4, "Are the parties unable or unwilling to use a trusted third party?", "a trusted third party is acceptable"),
        ];
        foreach (var gate in gates)
        {
            if (!gate.Passed)
            {
                reasons.Add(new FitReason($"{Prb}, step {gate.Step}", gate.Question, $"Blockchain is not useful here: {gate.Failure}.", false));
                return $"not useful (step {gate.Step})";
            }
        }

        var permissioned = a.AccessRulesDiffer == true;
        reasons.Add(new FitReason($"{Prb}, step 5", "Do the rules governing system access differ between participants?", permissioned
            ? "Access differs by role, which needs a permissioned design."
            : "The same access rules for all participants: no access restriction is required.", false));
        if (a.TransactionRulesStable != true)
        {
            reasons.Add(new FitReason($"{Prb}, step 6", "Do the transaction rules remain largely unchanged?", "The rules change often; changing rules on a blockchain is slow and needs every party's consensus, so blockchain is not useful.", false));
            return "not useful (step 6)";
        }

        if (a.NeedsImmutableLog != true)
        {
            reasons.Add(new FitReason($"{Prb}, step 7", "Is there a need for an objective, immutable log?", "No immutable log is needed, so blockchain's main property is not used.", false));
            return "not useful (step 7)";
        }

        var isPublic = a.PublicVerifiability == true;
        reasons.Add(new FitReason($"{Prb}, step 8", "Should the transactions be public?", isPublic ? "Transactions must be publicly readable: a public blockchain." : "Transactions stay among participants: a private blockchain.", false));
        permissioned |= a.AllWritersKnown == true;
        reasons.Add(new FitReason($"{Prb}, step 9", "Where should consensus be determined?", permissioned ? "Among known participants (the collaboration's members): permissioned." : "Openly, by anyone who joins: permissionless.", false));
        reasons.Add(new FitReason($"{Prb}, step 10", "Is a native digital asset needed?", a.NeedsDigitalAsset == true ? "Payments or incentives settle in a token on the ledger." : "No token is needed: the ledger records outcomes and payments made off-ledger.", false));
        return $"useful: {(permissioned ? "permissioned" : "permissionless")}, {(isPublic ? "public" : "private")}";
    }

    private static string WalkNist(FitAnswers a, List<FitReason> reasons)
    {
        (bool Passed, string Question, string Failure)[] checks =
        [
            (a.NeedsSharedState == true, "Do you need a shared, consistent data store?", "no shared data store is needed"),
            (a.MultipleWriters == true, "Does more than one entity need to contribute data?", "only one entity contributes data"),
            (a.RecordsNeverUpdated == true, "Once written, are data records never updated or deleted?", "records must be updated or deleted in place"),
            (a.SensitiveDataOnLedger == false, "Will sensitive identifiers NOT be written to the data store?", "sensitive identifiers would be written to a store that can never forget them"),
            (a.TrustedThirdPartyAvailable == false, "Are the entities with write access having a hard time deciding who should control the data store?", "the writers can agree on who controls the store"),
            (a.NeedsImmutableLog == true, "Do you want a tamperproof log of all writes to the data store?", "no tamperproof log is wanted"),
        ];
        foreach (var check in checks)
        {
            if (!check.Passed)
            {
                reasons.Add(new FitReason(Nist, check.Question, $"You might not need a blockchain: {check.Failure}.", false));
                return "might not need a blockchain";
            }
        }

        var permissioned = a.AllWritersKnown == true;
        reasons.Add(new FitReason(Nist, "All six questions answered yes; do you need to control who can publish?", permissioned ? "A useful blockchain use case; publishers are known, so a permissioned blockchain." : "A useful blockchain use case; anyone may publish, so a permissionless blockchain.", false));
        return "may have a useful blockchain use case (" + (permissioned ? "permissioned" : "permissionless") + ")";
    }

    private static bool CheckRequirements(FitAnswers a, FitRequirements r, BenchmarkRun? measured, List<FitReason> reasons)
    {
        var ok = true;
        if (r.ErasureOfPersonalDataRequired)
        {
            if (a.SensitiveDataOnLedger == true)
            {
                reasons.Add(new FitReason(Nist + "; GDPR art. 17", "Must personal data be erasable, and is it written to the ledger?", "Personal data must be erasable but would be written to an append-only ledger that every node replicates; it could never be erased", true));
                ok = false;
            }
            else
            {
                reasons.Add(new FitReason(Nist + "; GDPR art. 17", "Must personal data be erasable?", "Keep personal data off-chain and write only salted hashes, so erasing the off-chain data honours the right to erasure: `collab anchor` puts only a Merkle root of pseudonymised, salted records on chain, and `collab erase` deletes a record and its salt off chain, after which its proofs answer 'erased' and the chain keeps only the root; `collab correct` adds a correcting record instead of overwriting one.", false));
            }
        }

        var chain = ChainWrites(measured);
        if (measured is not null && chain.Count == 0 && (r.WritesPerSecond is not null || r.AcceptableLatencySeconds is not null))
        {
            reasons.Add(new FitReason("measured: results.json", "chain backends", "The benchmark results hold no chain measurement (anvil, anvil-1s, anvil-12s); run `collab bench run --backends anvil-1s` to compare requirements with a chain.", false));
        }

        if (r.WritesPerSecond is { } need && chain.Count > 0)
        {
            // Conservative: only the largest N (closest to production scale) counts, and a chain with a block time
            // counts before instant mining; the answers do not say whether records can be batched, so the better of
            // single and batched writes at that N is used and the reason names which.
            var timed = chain.Where(x => x.Backend != BenchmarkBackends.Anvil).ToList();
            var pool = timed.Count > 0 ? timed : chain;
            var largest = pool.Max(x => x.N);
            var single = pool.Where(x => x.N == largest && x.Workload == BenchmarkWorkloads.Write).MaxBy(x => x.ThroughputTps);
            var batched = pool.Where(x => x.N == largest && x.Workload == BenchmarkWorkloads.WriteBatch).MaxBy(x => x.ThroughputTps);
            var cited = (single, batched) switch
            {
                ({ } s, { } b) => b.ThroughputTps > s.ThroughputTps ? b : s,
                ({ } s, null) => s,
                _ => batched!,
            };
            var meets = need <= cited.ThroughputTps;
            var batch = measured!.Options.BatchSize;
            string Kind(BenchmarkResult row) => row.Workload == BenchmarkWorkloads.Write ? "write (one record per transaction, each awaited)" : $"write-batch ({batch} records per batch)";
            var finding = string.Create(CultureInfo.InvariantCulture, $"Required {need:0.##} writes/s; measured {cited.ThroughputTps:0.##} records/s on {cited.Backend}, {Kind(cited)}, at N={cited.N}, the largest N in the results ({(meets ? "meets it" : "falls short")}).");
            finding += (single, batched) switch
            {
                ({ } s, { } b) => string.Create(CultureInfo.InvariantCulture, $" The answers do not say whether records can be batched, so the better of write ({s.ThroughputTps:0.##} records/s on {s.Backend}) and write-batch ({b.ThroughputTps:0.##} records/s on {b.Backend}) at N={largest} is used."),
                ({ }, null) => $" No write-batch measurement at N={largest}.",
                _ => $" No single-write measurement at N={largest}; batching must be possible to reach this figure.",
            };
            var smaller = pool.Where(x => x.N < largest).Select(x => x.N).Distinct().Order().ToList();
            if (smaller.Count > 0)
            {
                finding += $" Measurements at smaller N ({string.Join(", ", smaller)}) are not used: the largest N is the closest to production scale.";
            }

            if (timed.Count == 0)
            {
                finding += " Instant mining only: a real chain with a block time is slower.";
            }

            reasons.Add(new FitReason("measured: results.json", $"{cited.Backend} {cited.Workload} throughput at N={cited.N}", finding, !meets));
            ok &= meets;
        }

        if (r.AcceptableLatencySeconds is { } latency && chain.Count > 0)
        {
            var rows = chain.Where(x => x.Workload == BenchmarkWorkloads.Write).ToList();
            if (rows.Count > 0)
            {
                var worst = rows.MaxBy(x => ConfirmationP95(x))!;
                var p95s = ConfirmationP95(worst) / 1000.0;
                var meets = p95s <= latency;
                reasons.Add(new FitReason("measured: results.json", $"{worst.Backend} write latency to confirmation, p95, at N={worst.N}",
                    string.Create(CultureInfo.InvariantCulture, $"Acceptable latency {latency:0.###} s; measured p95 {p95s:0.###} s to confirmation on {worst.Backend} ({(meets ? "meets it" : "too slow")})."), !meets));
                ok &= meets;
            }
        }

        return ok;
    }

    /// <summary>
    /// Always adds one reason saying what happened with the budget: records per year x the measured cost per record
    /// on a public chain, compared with the budget only for a permissionless verdict (a permissioned chain pays no
    /// public gas fees). Returns false only when that comparison fails.
    /// </summary>
    private static bool CheckBudget(FitRequirements r, BenchmarkRun? measured, string wg, List<FitReason> reasons)
    {
        var costed = ChainWrites(measured).Where(x => x.CostPerRecordUsd is not null).ToList();
        var row = costed.Count == 0 ? null : costed.Where(x => x.N == costed.Max(y => y.N))
            .OrderBy(x => x.Workload == BenchmarkWorkloads.Write ? 0 : 1).ThenBy(x => x.Backend, StringComparer.Ordinal).First();
        var budget = r.BudgetUsdPerYear;
        var perYear = r.RecordsPerYear;
        var inv = CultureInfo.InvariantCulture;
        if (row is null || perYear is null)
        {
            var missing = new List<string>();
            if (perYear is null)
            {
                missing.Add("no records_per_year given");
            }

            if (row is null)
            {
                missing.Add(measured is null ? "no benchmark results (pass --results FILE)" : "the benchmark results hold no chain gas measurement (run `collab bench run --backends anvil`)");
            }

            var finding = "Not checked: " + string.Join(" and ", missing) + ".";
            if (budget is { } b && perYear is { } y && y > 0)
            {
                finding += string.Create(inv, $" The budget of {b:#,0.##} USD/year allows {b / y:0.####} USD per record for {y:#,0} records/year.");
            }
            else if (budget is { } b2 && row is not null)
            {
                finding += string.Create(inv, $" At the measured {row.CostPerRecordUsd:0.####} USD/record the budget of {b2:#,0.##} USD/year pays for {b2 / (decimal)row.CostPerRecordUsd!.Value:#,0} records/year on a public chain.");
            }
            else if (budget is null)
            {
                finding += " No budget_usd_per_year given either.";
            }

            reasons.Add(new FitReason("requirements: budget", "budget", finding, false));
            return true;
        }

        var cost = (decimal)row.CostPerRecordUsd!.Value;
        var annual = cost * perYear.Value;
        var arithmetic = string.Create(inv, $"{perYear:#,0} records/year x {cost:0.####} USD/record ({row.GasPerRecord:#,0} gas at {measured!.Options.GasPriceGwei} gwei and {measured.Options.EthPriceUsd} USD/ETH, {row.Backend} {row.Workload} at N={row.N}) = {annual:#,0} USD/year");
        var compare = budget is { } limit
            ? string.Create(inv, $"{(annual <= limit ? "within" : "over")} the budget of {limit:#,0.##} USD/year")
            : "no budget_usd_per_year given, so not compared";
        var over = budget is { } l && annual > l;
        var step = $"budget: {row.Backend} gas per record at N={row.N}";
        if (wg == "permissionless")
        {
            reasons.Add(new FitReason("measured: results.json", step, $"Public-chain fees: {arithmetic}, {compare}.", over));
            return !over;
        }

        reasons.Add(new FitReason("measured: results.json", step, wg.StartsWith("permissioned", StringComparison.Ordinal)
            ? $"Public-chain fees would be {arithmetic} ({compare}); not applied: the frameworks point to a permissioned chain, which pays no public gas fees; it pays for running its own nodes instead (not measured here)."
            : $"Public-chain fees would be {arithmetic} ({compare}); not applied: the frameworks do not point to a blockchain.", false));
        return true;
    }

    private static List<BenchmarkResult> ChainWrites(BenchmarkRun? measured)
        => measured?.Results.Where(x => x.Backend.StartsWith("anvil", StringComparison.Ordinal) && x.Workload is BenchmarkWorkloads.Write or BenchmarkWorkloads.WriteBatch && x.Succeeded > 0).ToList() ?? [];

    private static void CheckLedgerDatabase(FitRequirements r, BenchmarkRun? measured, List<FitReason> reasons)
    {
        if (r.WritesPerSecond is not { } need || measured is null)
        {
            return;
        }

        var ledger = measured.Results.Where(x => x.Backend.StartsWith("hashchain", StringComparison.Ordinal) && x.Workload == BenchmarkWorkloads.Write && x.Succeeded > 0).MaxBy(x => x.ThroughputTps);
        if (ledger is not null)
        {
            reasons.Add(new FitReason("measured: results.json", $"{ledger.Backend} write throughput at N={ledger.N}",
                string.Create(CultureInfo.InvariantCulture, $"Required {need:0.##} writes/s; the hash-chained table measured {ledger.ThroughputTps:0.##} records/s one per transaction ({(need <= ledger.ThroughputTps ? "meets it" : "batch writes or scale the server to meet it")})."), false));
        }
    }

    private static double ConfirmationP95(BenchmarkResult row) => row.ConfirmationLatency is { Count: > 0 } c ? c.P95Ms : row.Latency.P95Ms;

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..].TrimEnd('.');
}
