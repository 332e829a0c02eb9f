using System.Text.Json;
using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.OffChain;

public class LandscapeReproductionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Both_published_medians_of_april_2024_are_the_mean_of_two_adjacent_projects_in_the_snapshot()
    {
        var landscape = await IndigoLandscape.ComputeAsync(RepoPaths.IndigoData, Ct);
        var reproduction = LandscapeReproduction.Compare(landscape, PublishedLandscape.GoLabApril2024, "2025-05-20");

        Assert.True(reproduction.MethodReproduced, reproduction.ToText());
        Assert.StartsWith(LandscapeReproduction.ReproducedStatement, reproduction.Conclusion, StringComparison.Ordinal);
        var usd = reproduction.Figures.Single(f => f.Figure == "median_capital_usd");
        Assert.Contains("INDIGO-POJ-0077", usd.Explanation, StringComparison.Ordinal);
        Assert.Contains("INDIGO-POJ-0053", usd.Explanation, StringComparison.Ordinal);
        var gbp = reproduction.Figures.Single(f => f.Figure == "uk_median_capital_gbp");
        Assert.Contains("INDIGO-POJ-0134", gbp.Explanation, StringComparison.Ordinal);
        Assert.Contains("INDIGO-POJ-0300", gbp.Explanation, StringComparison.Ordinal);

        // The pair's mean, from the values themselves, rounds to the published median.
        var values = landscape.CapitalUsdValues.ToDictionary(v => v.ProjectId, v => v.Value);
        Assert.Equal(1_192_360m, Math.Round((values["INDIGO-POJ-0077"] + values["INDIGO-POJ-0053"]) / 2m, 0, MidpointRounding.AwayFromZero));

        var bonds = reproduction.Figures.Single(f => f.Figure == "impact_bonds");
        Assert.Equal(292m, bonds.PublishedValue);
        Assert.Equal(landscape.ImpactBonds.Value - 292m, bonds.Difference);
        Assert.All(reproduction.Figures.Where(f => f.Figure.Contains("capital_raised", StringComparison.Ordinal)), f => Assert.True(f.Ours >= f.PublishedValue, f.Explanation));
    }

    [Fact]
    public async Task A_published_median_that_no_value_or_adjacent_pair_explains_is_said_not_to_confirm_the_method()
    {
        var landscape = await IndigoLandscape.ComputeAsync(RepoPaths.IndigoData, Ct);
        var published = PublishedLandscape.GoLabApril2024 with { MedianCapitalUsd = 1m };
        var reproduction = LandscapeReproduction.Compare(landscape, published, "2025-05-20");
        Assert.False(reproduction.MethodReproduced);
        Assert.StartsWith("Method not confirmed", reproduction.Conclusion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_inputs_and_parameters_write_byte_identical_files_with_a_manifest_of_their_hashes()
    {
        var parameters = new Dictionary<string, string> { ["dataPath"] = "data/indigo-2025-05", ["snapshotDate"] = "2025-05-20" };
        var written = new List<IReadOnlyList<string>>();
        foreach (var folder in new[] { RepoPaths.NewTempDirectory("repro-a"), RepoPaths.NewTempDirectory("repro-b") })
        {
            var landscape = await IndigoLandscape.ComputeAsync(RepoPaths.IndigoData, Ct);
            written.Add(await LandscapeReproduction.Compare(landscape, PublishedLandscape.GoLabApril2024, "2025-05-20").WriteAsync(folder, landscape, parameters, Ct));
        }

        Assert.Equal(["landscape.json", "reproduction.json", "manifest.json"], written[0].Select(Path.GetFileName));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(await File.ReadAllBytesAsync(written[0][i], Ct), await File.ReadAllBytesAsync(written[1][i], Ct));
        }

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(written[0][2], Ct));
        var m = manifest.RootElement;
        Assert.Equal(LandscapeReproduction.KitVersion, m.GetProperty("kit_version").GetString());
        Assert.Equal("2025-05-20", m.GetProperty("parameters").GetProperty("snapshotDate").GetString());
        var projectsHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.IndigoData, "projects.csv"), Ct)));
        Assert.Equal(projectsHash, m.GetProperty("inputs")[0].GetProperty("sha256").GetString());
        var landscapeHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(written[0][0], Ct)));
        Assert.Equal(landscapeHash, m.GetProperty("outputs")[0].GetProperty("sha256").GetString());
    }
}
