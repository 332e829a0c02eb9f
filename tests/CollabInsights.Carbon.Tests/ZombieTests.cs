using CollabInsights.Carbon;
using CollabInsights.Domain;

namespace CollabInsights.Carbon.Tests;

public class ZombieTests
{
    private static CreditBlock Retire(string project, string date, decimal tonnes, string? details) =>
        new(CarbonRegistries.Verra, project, CreditStatus.Retired, 2010, tonnes, null, DateOnly.ParseExact(date, "yyyy-MM-dd"), null, null, null, details, new FileProvenance("t", 1));

    [Fact]
    public void CarbonPlans_tag_is_a_case_sensitive_TOUC_prefix_and_KlimaDAOs_finds_TOUCAN_or_C3T_anywhere()
    {
        Assert.Equal("Toucan", BridgeTags.Bridge("TOUCAN-CO2-BRIDGE beneficiary 0xabc"));
        Assert.Null(BridgeTags.Bridge("toucan bridge"));
        Assert.Null(BridgeTags.Bridge("Retired for the TOUCAN bridge"));
        Assert.Equal("Toucan", BridgeTags.Bridge("Retired for the toucan bridge", BridgeTagRule.KlimaDao));
        Assert.Equal("C3", BridgeTags.Bridge("C3T bridge: 0x123", BridgeTagRule.KlimaDao));
        Assert.Null(BridgeTags.Bridge("C3T bridge: 0x123"));
        Assert.Null(BridgeTags.Bridge(string.Empty));
    }

    [Fact]
    public void A_project_bridging_over_95_percent_or_dormant_two_years_is_a_zombie_and_one_retiring_recently_is_not()
    {
        var analysis = ZombieCredits.Analyse([
            Retire("A", "2021-11-02", 50_000, "TOUCAN-CO2"),
            Retire("A", "2021-01-02", 2_000, "claim"),
            Retire("B", "2018-05-01", 2_000, "claim"),
            Retire("B", "2021-11-03", 30_000, "TOUCAN-CO2"),
            Retire("C", "2021-10-01", 40_000, "claim"),
            Retire("C", "2021-11-04", 1_000, "TOUCAN-CO2"),
            Retire("D", "2020-01-01", 9_000, "claim"),
        ]);
        var byId = analysis.Projects.ToDictionary(p => p.ProjectId);
        Assert.Equal(["A", "B", "C"], byId.Keys.Order());
        Assert.Equal((0.962m, true), (byId["A"].BridgedFraction, byId["A"].IsZombie));
        Assert.Equal((0.938m, 1282, true), (byId["B"].BridgedFraction, byId["B"].DormancyDays, byId["B"].IsZombie));
        Assert.Equal((0.024m, 34, false), (byId["C"].BridgedFraction, byId["C"].DormancyDays, byId["C"].IsZombie));
        Assert.Equal((81_000m, 80_000m, 2), (analysis.BridgedTotal, analysis.ZombieTotal, analysis.ZombieCount));
    }

    [Fact]
    public void Dormancy_must_exceed_730_days_and_a_first_bridge_with_no_prior_retirement_counts_as_9999()
    {
        var analysis = ZombieCredits.Analyse([
            Retire("exactly", "2019-11-03", 10_000, "claim"),
            Retire("exactly", "2021-11-02", 100, "TOUCAN"),
            Retire("longer", "2019-11-02", 10_000, "claim"),
            Retire("longer", "2021-11-02", 100, "TOUCAN"),
            Retire("first", "2021-11-02", 100, "TOUCAN"),
            Retire("first", "2021-12-02", 100_000, "claim"),
        ]);
        var byId = analysis.Projects.ToDictionary(p => p.ProjectId);
        Assert.Equal((730, false), (byId["exactly"].DormancyDays, byId["exactly"].IsZombie));
        Assert.Equal((731, true), (byId["longer"].DormancyDays, byId["longer"].IsZombie));
        Assert.Equal((ZombieCredits.NoPriorRetirement, true), (byId["first"].DormancyDays, byId["first"].IsZombie));
    }

    [Fact]
    public async Task The_real_2026_verra_sample_has_no_bridged_retirement()
    {
        var d = (await CarbonTestData.LoadAsync(CarbonTestData.OffsetsDb)).Value;
        var verra = d.Blocks.Where(b => b.Registry == CarbonRegistries.Verra).ToList();
        Assert.Equal(100, verra.Count(b => b.IsRetiredOrCancelled));
        var analysis = ZombieCredits.Analyse(verra);
        Assert.Empty(analysis.Projects);
        Assert.Equal(0m, analysis.BridgedTotal);
    }

    [Fact]
    public async Task A_bridge_tag_planted_in_a_real_verra_retirement_makes_its_project_a_bridging_project_with_the_rows_tonnes()
    {
        var dir = CarbonTestData.CopyOfReal();
        var path = Path.Combine(dir, "verra", "transactions.csv");
        var (header, rows) = CarbonTestData.ReadCsv(path);
        int Col(string n) => Array.IndexOf(header, n);
        rows[0][Col("Retirement Details")] = "TOUCAN-CO2 bridge to Polygon";
        CarbonTestData.WriteCsv(path, header, rows);

        // Independently of the loader: project 1340's retired tonnes, straight from the CSV records.
        var retired1340 = rows.Where(r => r[Col("ID")] == "1340" && r[Col("Retirement/Cancellation Date")].Length > 0).Sum(r => decimal.Parse(r[Col("Quantity Issued")].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        var analysis = ZombieCredits.Analyse((await CarbonTestData.LoadAsync(dir)).Value.Blocks);
        var project = Assert.Single(analysis.Projects);
        Assert.Equal(("1340", 425m, retired1340), (project.ProjectId, project.BridgedQuantity, project.RetiredQuantity));
        Assert.Equal(Math.Round(425m / retired1340, 3, MidpointRounding.ToEven), project.BridgedFraction);
        Assert.Equal(project.BridgedFraction > 0.95m || project.DormancyDays > 730, project.IsZombie);
    }

    [Fact]
    public async Task CarbonPlans_published_per_vintage_data_sums_to_its_published_bridged_total()
    {
        var totals = await ToucanPublishedTotals.LoadAsync(Path.Combine(CarbonTestData.Toucan, "toucan_retirements_by_minimum_vintage.json"), TestContext.Current.CancellationToken);
        Assert.Equal(15, totals.ByMinimumVintage.Count);
        Assert.Equal(4_805_854m, totals.ByMinimumVintage[2006]);
        Assert.Equal(ToucanPublishedTotals.PublishedBridgedTotal, totals.Total);
        Assert.Equal(totals.Total - 12_831m - 650m - 3m, totals.Before(2016));
    }
}
