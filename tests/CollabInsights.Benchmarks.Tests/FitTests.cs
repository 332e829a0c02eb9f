using CollabInsights.Benchmarks;
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
        Assert.Contains(r.Reasons, x => x.Decisive && x.Finding.Contains("60000 USD/year", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_answers_are_named()
    {
        var ex = Assert.Throws<CollabInsightsException>(() => FitAssessment.Assess(new FitAnswers { NeedsSharedState = true, MultipleWriters = true }));
        Assert.Contains("trusted_third_party_available", ex.Message, StringComparison.Ordinal);
    }

    private static BenchmarkRun Measured(params (string Backend, string Workload, long N, double Tps)[] rows) => new(
        new BenchmarkOptions(),
        MachineDescription.Current(),
        DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch,
        rows.Select(r => new BenchmarkResult { Backend = r.Backend, Workload = r.Workload, N = r.N, RateControl = "fixed-load", Succeeded = r.N, ThroughputTps = r.Tps, SendRateTps = r.Tps, Latency = LatencyStats.From([10, 20]) }).ToList());
}
