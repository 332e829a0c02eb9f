using CollabInsights.Benchmarks;
using CollabInsights.Domain;
using CollabInsights.Fit;

namespace CollabInsights.Benchmarks.Tests;

public sealed class FitTests
{
    // Known writers who distrust each other and will not hand control to a third party.
    private static readonly FitAnswers Consortium = new()
    {
        NeedsSharedState = true,
        MultipleWriters = true,
        TrustedThirdPartyAvailable = false,
        AllWritersKnown = true,
        AllWritersTrusted = false,
        PublicVerifiability = false,
        AccessRulesDiffer = true,
        TransactionRulesStable = true,
        NeedsImmutableLog = true,
        RecordsNeverUpdated = true,
        SensitiveDataOnLedger = false,
        NeedsDigitalAsset = false,
    };

    [Fact]
    public void Decentralized_autonomous_organization_with_unknown_writers_needs_a_permissionless_blockchain()
    {
        // Wüst & Gervais, use case "Decentralized Autonomous Organizations": anyone may join and write.
        var dao = Consortium with { AllWritersKnown = false, PublicVerifiability = true, AccessRulesDiffer = false, NeedsDigitalAsset = true };
        var r = FitAssessment.Assess(dao);
        Assert.Equal("permissionless", r.WustGervais);
        Assert.Equal(FitVerdict.PublicPermissionlessBlockchain, r.Verdict);
        Assert.Contains(r.Reasons, x => x.Source == "Wüst & Gervais 2018, Fig. 1, Q4");
        Assert.StartsWith("useful: permissionless, public", r.PedersenRisiusBeck, StringComparison.Ordinal);
    }

    [Fact]
    public void Supply_chain_with_known_distrusting_parties_and_public_checks_needs_a_public_permissioned_blockchain()
    {
        // Wüst & Gervais, use case "Supply Chain Management": known participants who do not trust each other.
        var r = FitAssessment.Assess(Consortium with { PublicVerifiability = true });
        Assert.Equal("permissioned public", r.WustGervais);
        Assert.Equal(FitVerdict.PermissionedBlockchain, r.Verdict);
        Assert.Contains("publicly readable", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Interbank_payments_among_known_banks_need_a_private_permissioned_blockchain()
    {
        // Wüst & Gervais, use case "Interbank and International Payments": known banks, no common trusted party, no public verifiability.
        var r = FitAssessment.Assess(Consortium);
        Assert.Equal("permissioned private", r.WustGervais);
        Assert.Equal(FitVerdict.PermissionedBlockchain, r.Verdict);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Pedersen_step_9_decides_where_consensus_is_determined_and_step_10_only_informs(bool writersKnown)
    {
        var answers = Consortium with { AllWritersKnown = writersKnown, AccessRulesDiffer = false, PublicVerifiability = true };
        var withToken = FitAssessment.Assess(answers with { NeedsDigitalAsset = true });
        var withoutToken = FitAssessment.Assess(answers with { NeedsDigitalAsset = false });

        var step9 = Assert.Single(withToken.Reasons, x => x.Source == "Pedersen, Risius & Beck 2019, step 9");
        Assert.Equal("Where should consensus be determined?", step9.Step);
        Assert.StartsWith(writersKnown ? "Among known participants" : "Openly, by anyone", step9.Finding, StringComparison.Ordinal);
        Assert.Equal(withoutToken.Verdict, withToken.Verdict);
        Assert.Equal(withoutToken.PedersenRisiusBeck, withToken.PedersenRisiusBeck);
        Assert.Contains(withToken.Reasons, x => x.Source == "Pedersen, Risius & Beck 2019, step 10");
    }

    [Fact]
    public void Interbank_payments_through_a_central_bank_need_no_blockchain()
    {
        var r = FitAssessment.Assess(Consortium with { TrustedThirdPartyAvailable = true, NeedsImmutableLog = false });
        Assert.Equal("no blockchain", r.WustGervais);
        Assert.Equal(FitVerdict.NoBlockchain, r.Verdict);
        Assert.Contains(r.Reasons, x => x.Source == "Wüst & Gervais 2018, Fig. 1, Q3" && x.Decisive);
    }

    [Fact]
    public void A_single_writer_needs_no_blockchain()
    {
        var r = FitAssessment.Assess(new FitAnswers { NeedsSharedState = true, MultipleWriters = false });
        Assert.Equal(FitVerdict.NoBlockchain, r.Verdict);
        Assert.Equal("not useful (step 2)", r.PedersenRisiusBeck);
        Assert.Equal("might not need a blockchain", r.Nist);
    }

    [Fact]
    public void No_state_to_store_needs_no_blockchain()
    {
        var r = FitAssessment.Assess(new FitAnswers { NeedsSharedState = false });
        Assert.Equal(FitVerdict.NoBlockchain, r.Verdict);
        Assert.Contains(r.Reasons, x => x.Source.EndsWith("Q1", StringComparison.Ordinal) && x.Decisive);
    }

    [Fact]
    public void Outcomes_fund_run_by_a_trusted_fund_manager_needing_an_audit_trail_gets_a_ledger_database()
    {
        var r = FitAssessment.Assess(Consortium with { TrustedThirdPartyAvailable = true });
        Assert.Equal(FitVerdict.LedgerDatabase, r.Verdict);
        Assert.Contains("ledger database is enough", r.Summary, StringComparison.Ordinal);
        Assert.Contains(r.Reasons, x => x.Source.Contains("step 7", StringComparison.Ordinal) && x.Decisive);
    }

    [Fact]
    public void Frequently_changing_rules_make_the_ten_step_path_reject_blockchain_and_the_verdict_follows()
    {
        var r = FitAssessment.Assess(Consortium with { TransactionRulesStable = false });
        Assert.Equal("not useful (step 6)", r.PedersenRisiusBeck);
        Assert.Equal(FitVerdict.LedgerDatabase, r.Verdict);
        Assert.Contains(r.Reasons, x => x.Step == "frameworks disagree" && x.Decisive);
    }

    [Fact]
    public void Personal_data_on_the_ledger_that_must_be_erasable_rules_out_blockchain_citing_nist()
    {
        var r = FitAssessment.Assess(Consortium with { SensitiveDataOnLedger = true }, new FitRequirements { ErasureOfPersonalDataRequired = true });
        Assert.Equal("might not need a blockchain", r.Nist);
        Assert.NotEqual(FitVerdict.PermissionedBlockchain, r.Verdict);
        Assert.Contains(r.Reasons, x => x.Source.StartsWith("NIST IR 8202", StringComparison.Ordinal) && x.Step.Contains("sensitive identifiers", StringComparison.Ordinal));
    }

    [Fact]
    public void Required_writes_above_measured_chain_throughput_downgrade_the_verdict_and_cite_the_number()
    {
        var measured = Measured(("anvil-1s", "write", 1000, 42.5), ("hashchain-postgres", "write", 1000, 610));
        var r = FitAssessment.Assess(Consortium, new FitRequirements { WritesPerSecond = 500 }, measured);
        Assert.Equal(FitVerdict.LedgerDatabase, r.Verdict);
        var reason = Assert.Single(r.Reasons, x => x.Source == "measured: results.json" && x.Decisive);
        Assert.Contains("Required 500 writes/s", reason.Finding, StringComparison.Ordinal);
        Assert.Contains("42.5 records/s on anvil-1s", reason.Finding, StringComparison.Ordinal);
        Assert.Contains("anvil-1s write throughput at N=1000", reason.Step, StringComparison.Ordinal);
        Assert.Contains("42.5", r.Summary, StringComparison.Ordinal);
        Assert.Contains(r.Reasons, x => x.Finding.Contains("610 records/s", StringComparison.Ordinal));
    }

    [Fact]
    public void Required_writes_within_measured_chain_throughput_keep_the_blockchain()
    {
        var measured = Measured(("anvil-1s", "write", 1000, 42.5));
        var r = FitAssessment.Assess(Consortium, new FitRequirements { WritesPerSecond = 10 }, measured);
        Assert.Equal(FitVerdict.PermissionedBlockchain, r.Verdict);
        Assert.Contains(r.Reasons, x => x.Finding.Contains("meets it", StringComparison.Ordinal) && !x.Decisive);
    }

    [Fact]
    public void Annual_gas_cost_over_budget_rules_out_a_public_chain()
    {
        var measured = Measured(("anvil", "write", 1000, 300)) with { Options = new BenchmarkOptions { GasPriceGwei = 20, EthPriceUsd = 3000 } };
        measured = measured with { Results = [measured.Results[0] with { GasPerRecord = 100_000, CostPerRecordUsd = 6.0 }] };
        var dao = Consortium with { AllWritersKnown = false, PublicVerifiability = true };
        var r = FitAssessment.Assess(dao, new FitRequirements { RecordsPerYear = 10_000, BudgetUsdPerYear = 5_000 }, measured);
        Assert.NotEqual(FitVerdict.PublicPermissionlessBlockchain, r.Verdict);
        var budget = Assert.Single(r.Reasons, x => x.Step.StartsWith("budget", StringComparison.Ordinal));
        Assert.True(budget.Decisive);
        Assert.Contains("10,000 records/year x 6 USD/record", budget.Finding, StringComparison.Ordinal);
        Assert.Contains("= 60,000 USD/year, over the budget of 5,000 USD/year", budget.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Permissionless_chain_within_budget_says_so_and_keeps_the_verdict()
    {
        var measured = Costed(("anvil", "write", 1000, 300, 6.0));
        var dao = Consortium with { AllWritersKnown = false, PublicVerifiability = true };
        var r = FitAssessment.Assess(dao, new FitRequirements { RecordsPerYear = 500, BudgetUsdPerYear = 5_000 }, measured);
        Assert.Equal(FitVerdict.PublicPermissionlessBlockchain, r.Verdict);
        var budget = Assert.Single(r.Reasons, x => x.Step.StartsWith("budget", StringComparison.Ordinal));
        Assert.False(budget.Decisive);
        Assert.Contains("= 3,000 USD/year, within the budget of 5,000 USD/year", budget.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Permissioned_verdict_reports_the_public_chain_fees_against_the_budget_without_applying_them()
    {
        // The README's example: 100,000 records a year, a budget of 20,000 USD, 31,370 gas per record at 20 gwei and 3,000 USD/ETH.
        var measured = Costed(("anvil", "write", 100_000, 66, 1.8822));
        var r = FitAssessment.Assess(Consortium with { PublicVerifiability = true }, new FitRequirements { RecordsPerYear = 100_000, BudgetUsdPerYear = 20_000 }, measured);

        Assert.Equal(FitVerdict.PermissionedBlockchain, r.Verdict);
        var budget = Assert.Single(r.Reasons, x => x.Step.StartsWith("budget", StringComparison.Ordinal));
        Assert.False(budget.Decisive);
        Assert.Contains("100,000 records/year x 1.8822 USD/record", budget.Finding, StringComparison.Ordinal);
        Assert.Contains("= 188,220 USD/year (over the budget of 20,000 USD/year)", budget.Finding, StringComparison.Ordinal);
        Assert.Contains("not applied", budget.Finding, StringComparison.Ordinal);
        Assert.Contains("permissioned chain", budget.Finding, StringComparison.Ordinal);
    }

    public static TheoryData<string, FitVerdict> EveryVerdict => new()
    {
        { "trusted third party", FitVerdict.NoBlockchain },
        { "changing rules", FitVerdict.LedgerDatabase },
        { "consortium", FitVerdict.PermissionedBlockchain },
        { "open membership", FitVerdict.PublicPermissionlessBlockchain },
    };

    [Theory]
    [MemberData(nameof(EveryVerdict))]
    public void Every_verdict_has_a_budget_line_with_records_per_year_times_the_measured_cost(string useCase, FitVerdict expected)
    {
        var answers = useCase switch
        {
            "trusted third party" => Consortium with { TrustedThirdPartyAvailable = true, NeedsImmutableLog = false },
            "changing rules" => Consortium with { TransactionRulesStable = false },
            "consortium" => Consortium,
            _ => Consortium with { AllWritersKnown = false, PublicVerifiability = true },
        };
        const long perYear = 12_345;
        const double cost = 0.75;
        var r = FitAssessment.Assess(answers, new FitRequirements { RecordsPerYear = perYear, BudgetUsdPerYear = 1_000_000 }, Costed(("anvil", "write", 1000, 300, cost)));

        Assert.Equal(expected, r.Verdict);
        var budget = Assert.Single(r.Reasons, x => x.Step.StartsWith("budget", StringComparison.Ordinal));
        var annual = ((decimal)cost * perYear).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"12,345 records/year x 0.75 USD/record", budget.Finding, StringComparison.Ordinal);
        Assert.Contains($"= {annual} USD/year", budget.Finding, StringComparison.Ordinal);
        Assert.Equal(expected == FitVerdict.PublicPermissionlessBlockchain, !budget.Finding.Contains("not applied", StringComparison.Ordinal));
    }

    [Fact]
    public void Budget_line_says_what_is_missing_when_the_cost_cannot_be_computed()
    {
        var withoutVolume = FitAssessment.Assess(Consortium, new FitRequirements { BudgetUsdPerYear = 20_000 }, Costed(("anvil", "write", 1000, 300, 2.0)));
        var line = Assert.Single(withoutVolume.Reasons, x => x.Step.StartsWith("budget", StringComparison.Ordinal));
        Assert.Contains("Not checked: no records_per_year given", line.Finding, StringComparison.Ordinal);
        Assert.Contains("pays for 10,000 records/year", line.Finding, StringComparison.Ordinal);

        var withoutResults = FitAssessment.Assess(Consortium, new FitRequirements { RecordsPerYear = 100_000, BudgetUsdPerYear = 20_000 });
        line = Assert.Single(withoutResults.Reasons, x => x.Step.StartsWith("budget", StringComparison.Ordinal));
        Assert.Contains("no benchmark results", line.Finding, StringComparison.Ordinal);
        Assert.Contains("allows 0.2 USD per record", line.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Throughput_is_judged_at_the_largest_N_even_when_a_smaller_N_passes()
    {
        // Like a real anvil run: batched writes at N=500 reach 502/s, at N=2000 only 443/s.
        var both = Measured(("anvil-1s", "write", 500, 180), ("anvil-1s", "write-batch", 500, 502), ("anvil-1s", "write", 2000, 120), ("anvil-1s", "write-batch", 2000, 443));
        var smallOnly = both with { Results = [.. both.Results.Where(x => x.N == 500)] };
        var requirements = new FitRequirements { WritesPerSecond = 480 };

        Assert.Equal(FitVerdict.PermissionedBlockchain, FitAssessment.Assess(Consortium, requirements, smallOnly).Verdict);
        var r = FitAssessment.Assess(Consortium, requirements, both);
        Assert.Equal(FitVerdict.LedgerDatabase, r.Verdict);
        var reason = Assert.Single(r.Reasons, x => x.Source == "measured: results.json" && x.Decisive);
        Assert.Equal("anvil-1s write-batch throughput at N=2000", reason.Step);
        Assert.Contains("measured 443 records/s on anvil-1s, write-batch (100 records per batch), at N=2000", reason.Finding, StringComparison.Ordinal);
        Assert.Contains("better of write (120 records/s on anvil-1s) and write-batch (443 records/s on anvil-1s) at N=2000", reason.Finding, StringComparison.Ordinal);
        Assert.Contains("smaller N (500) are not used", reason.Finding, StringComparison.Ordinal);
        Assert.DoesNotContain("502", reason.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Throughput_reason_names_single_writes_when_no_batched_run_was_measured_at_the_largest_N()
    {
        var measured = Measured(("anvil", "write-batch", 100, 900), ("anvil", "write", 1000, 66));
        var r = FitAssessment.Assess(Consortium, new FitRequirements { WritesPerSecond = 50 }, measured);
        Assert.Equal(FitVerdict.PermissionedBlockchain, r.Verdict);
        var reason = Assert.Single(r.Reasons, x => x.Step.Contains("throughput", StringComparison.Ordinal));
        Assert.Equal("anvil write throughput at N=1000", reason.Step);
        Assert.Contains("66 records/s on anvil, write (one record per transaction, each awaited), at N=1000", reason.Finding, StringComparison.Ordinal);
        Assert.Contains("No write-batch measurement at N=1000", reason.Finding, StringComparison.Ordinal);
        Assert.Contains("Instant mining only", reason.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_answers_are_named()
    {
        var ex = Assert.Throws<CollabInsightsException>(() => FitAssessment.Assess(new FitAnswers { NeedsSharedState = true, MultipleWriters = true }));
        Assert.Contains("trusted_third_party_available", ex.Message, StringComparison.Ordinal);
    }

    private static BenchmarkRun Costed(params (string Backend, string Workload, long N, double Tps, double CostUsd)[] rows)
    {
        var run = Measured([.. rows.Select(r => (r.Backend, r.Workload, r.N, r.Tps))]) with { Options = new BenchmarkOptions { GasPriceGwei = 20, EthPriceUsd = 3000 } };
        return run with { Results = [.. run.Results.Zip(rows, (x, r) => x with { CostPerRecordUsd = r.CostUsd, GasPerRecord = (double)((decimal)r.CostUsd / (20e-9m * 3000)) })] };
    }

    private static BenchmarkRun Measured(params (string Backend, string Workload, long N, double Tps)[] rows) => new(
        new BenchmarkOptions(),
        MachineDescription.Current(),
        DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch,
        rows.Select(r => new BenchmarkResult { Backend = r.Backend, Workload = r.Workload, N = r.N, RateControl = "fixed-load", Succeeded = r.N, ThroughputTps = r.Tps, SendRateTps = r.Tps, Latency = LatencyStats.From([10, 20]) }).ToList());
}
