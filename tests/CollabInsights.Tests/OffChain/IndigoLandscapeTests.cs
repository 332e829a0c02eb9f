using System.Globalization;
using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.OffChain;

public class IndigoLandscapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Figures =
    [
        "impact_bonds", "projects_with_capital_usd", "capital_raised_usd", "median_capital_usd",
        "uk_impact_bonds", "uk_projects_with_capital_gbp", "uk_capital_raised_gbp", "uk_median_capital_gbp",
    ];

    [Fact]
    public async Task Landscape_json_equals_an_independent_python_computation_of_go_labs_method_on_the_real_export()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["indigo", "landscape", "--data", RepoPaths.IndigoData, "--json"], output, error, Ct);
        Assert.True(code == 0, error.ToString());
        var python = await DebianPython.RunAsync(Ct, DebianPython.Script("indigo-python", "landscape.py"), RepoPaths.IndigoData);
        using var ours = JsonDocument.Parse(output.ToString());
        using var theirs = JsonDocument.Parse(python);
        var o = ours.RootElement;
        var t = theirs.RootElement;

        foreach (var key in Figures)
        {
            AssertFigure(key, t.GetProperty(key), o.GetProperty(key));
        }

        foreach (var group in new[] { "countries", "stages", "sectors" })
        {
            var tg = t.GetProperty(group).EnumerateObject().ToList();
            var og = o.GetProperty(group).EnumerateObject().ToList();
            Assert.Equal(tg.Select(p => p.Name), og.Select(p => p.Name));
            foreach (var p in tg)
            {
                AssertFigure($"{group}.{p.Name}", p.Value, o.GetProperty(group).GetProperty(p.Name));
            }
        }

        var theirRules = t.GetProperty("rules").EnumerateObject().ToDictionary(p => p.Name, p => Strings(p.Value));
        var ourRules = o.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => Strings(r.GetProperty("rows")));
        Assert.Equal(theirRules.Keys.Order(StringComparer.Ordinal), ourRules.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, rows) in theirRules)
        {
            Assert.True(rows.SequenceEqual(ourRules[name]), $"rule {name}: python {rows.Count} rows, ours {ourRules[name].Count}");
        }

        Assert.Equal(
            Strings(t.GetProperty("problems")),
            o.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("file").GetString()}|{p.GetProperty("row").GetInt32()}|{p.GetProperty("column").GetString()}").ToList());
        Assert.Equal(
            t.GetProperty("inputs").EnumerateArray().Select(i => i.GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)),
            o.GetProperty("inputs").EnumerateArray().Select(i => JsonSerializer.Serialize(new { file = i.GetProperty("file").GetString(), sha256 = i.GetProperty("sha256").GetString(), rows = i.GetProperty("rows").GetInt32() })));

        // The snapshot's own figures, as README and notebook 06 state them.
        Assert.Equal(319m, o.GetProperty("impact_bonds").GetProperty("value").GetDecimal());
        Assert.Equal(257m, o.GetProperty("projects_with_capital_usd").GetProperty("value").GetDecimal());
        Assert.Equal(100m, o.GetProperty("uk_impact_bonds").GetProperty("value").GetDecimal());
        Assert.Equal(17, ourRules["capital_usd_range_minimum"].Count);
    }

    [Fact]
    public async Task Each_rule_of_the_method_applies_to_the_rows_it_names_on_a_hand_made_export()
    {
        var dir = RepoPaths.NewTempDirectory("landscape");
        const string P = "Overall project finance - Total investment commitment - ";
        string[] header =
        [
            "ID", "Stage of Development - (Value)", "Purpose and classifications - Policy sector - (Value)", P + "Currency - (Value)",
            P + "Amount - Min - (Value)", P + "Amount - Exact - (Value)", P + "Amount - Max - (Value)",
            P + "Amount USD - Min - (Value)", P + "Amount USD - Exact - (Value)", P + "Amount USD - Max - (Value)",
        ];
        await File.WriteAllLinesAsync(Path.Combine(dir, "projects.csv"),
        [
            string.Join(',', header.Select(h => $"\"{h}\"")),
            "P1,Implementation,Health,GBP,,100,,,130,",          // exact, UK
            "P2,Complete,\"Health, Education\",GBP,200,,400,260,,520", // range minimum, two sectors, UK
            "P3,,Employment and training,EUR,,300,,,,",          // no USD conversion
            "P4,Implementation,,USD,,,900,,,900",                // maximum only
            "P5,Implementation,Health,,,50,,,60,",               // UK without currency
            "P6,Implementation,Health,USD,,,,,12x,",             // not a number
            "P1,Implementation,Health,GBP,,1,,,1,",              // duplicate id
        ], Ct);
        await File.WriteAllLinesAsync(Path.Combine(dir, "projects_delivery_locations.csv"),
        [
            "Project ID,Location - Country - (Value)",
            "P1,GB", "P2,GB", "P2,FR", "P3,FR", "P5,GB", "P9,GB", "P4,",
        ], Ct);

        var l = await IndigoLandscape.ComputeAsync(dir, Ct);
        string[] Rows(string name) => [.. l.Rules.Single(r => r.Name == name).Rows];

        Assert.Equal(6m, l.ImpactBonds.Value);
        Assert.Equal(["projects.csv:1", "projects.csv:2", "projects.csv:5"], l.ProjectsWithCapitalUsd.Rows);
        Assert.Equal(130m + 260m + 60m, l.CapitalRaisedUsd.Value);
        Assert.Equal(130m, l.MedianCapitalUsd.Value);
        Assert.Equal(["projects.csv:1"], l.MedianCapitalUsd.Rows);
        Assert.Equal(["projects.csv:2"], Rows("capital_usd_range_minimum"));
        Assert.Equal(["projects.csv:3"], Rows("capital_usd_missing_conversion"));
        Assert.Equal(["projects.csv:4"], Rows("capital_usd_maximum_only"));
        Assert.Equal(["projects.csv:6"], Rows("amount_not_a_number"));
        Assert.Equal(["projects.csv:7"], Rows("duplicate_project_id"));
        Assert.Equal(["projects.csv:2"], Rows("project_in_several_countries"));
        Assert.Equal(["projects.csv:4", "projects.csv:6"], Rows("project_without_country"));
        Assert.Equal(["projects_delivery_locations.csv:6"], Rows("location_of_unknown_project"));
        Assert.Equal(["projects_delivery_locations.csv:7"], Rows("location_without_country"));
        Assert.Equal(3m, l.UkImpactBonds.Value);
        Assert.Equal(300m, l.UkCapitalRaisedGbp.Value);
        Assert.Equal(150m, l.UkMedianCapitalGbp.Value); // mean of the two middle values 100 and 200
        Assert.Equal(["projects.csv:1", "projects.csv:2"], l.UkMedianCapitalGbp.Rows);
        Assert.Equal(["projects.csv:5"], Rows("uk_capital_missing_currency"));
        Assert.Equal(2m, l.Countries["FR"].Value);
        Assert.Equal(3m, l.Countries["GB"].Value);
        Assert.Equal(["projects.csv:2"], Rows("project_in_several_sectors"));
        Assert.Equal(4m, l.Sectors["Health"].Value);
        Assert.Equal(1m, l.Sectors["Education"].Value);
        Assert.Equal(["projects.csv:4"], l.Sectors[IndigoLandscape.NotStated].Rows);
        Assert.Equal(["projects.csv:3"], l.Stages[IndigoLandscape.NotStated].Rows);
        Assert.Contains(l.Problems, p => p is { File: "projects.csv", Row: 6, Value: "12x" });
    }

    [Fact]
    public async Task Landscape_of_a_folder_without_delivery_locations_exits_2_naming_the_missing_file()
    {
        var dir = RepoPaths.NewTempDirectory("landscape-missing");
        await File.WriteAllTextAsync(Path.Combine(dir, "projects.csv"), "ID\nP1\n", Ct);
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["indigo", "landscape", "--data", dir], new StringWriter(), error, Ct);
        Assert.Equal(2, code);
        Assert.Contains("projects_delivery_locations.csv", error.ToString(), StringComparison.Ordinal);
    }

    private static void AssertFigure(string key, JsonElement python, JsonElement ours)
    {
        var pv = python.GetProperty("value");
        var ov = ours.GetProperty("value");
        Assert.True(pv.ValueKind == JsonValueKind.Null ? ov.ValueKind == JsonValueKind.Null : decimal.Parse(pv.GetString()!, CultureInfo.InvariantCulture) == ov.GetDecimal(),
            $"{key}: python {pv}, ours {ov}");
        Assert.True(Strings(python.GetProperty("rows")).SequenceEqual(Strings(ours.GetProperty("rows"))), $"{key}: the rows differ");
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
