using System.Text.Json.Nodes;
using CollabInsights.Carbon;

namespace CollabInsights.Carbon.Tests;

/// <summary>Each double-counting rule on the real registry rows (where it must stay silent) and on a case planted in a copy of them.</summary>
public class RuleTests
{
    [Fact]
    public async Task The_real_registry_rows_raise_no_flag_of_any_rule()
    {
        var loaded = await CarbonTestData.LoadAsync(CarbonTestData.OffsetsDb, CarbonTestData.Cadt);
        Assert.True(loaded.Value.Blocks.Count(b => b.Serial is not null) > 700);
        Assert.Empty(CarbonRules.Check(loaded.Value));
    }

    [Fact]
    public async Task A_duplicated_verra_held_block_is_a_serial_overlap_on_the_copy()
    {
        var dir = CarbonTestData.CopyOfReal();
        var row = CarbonTestData.AppendCopy(Path.Combine(dir, "verra", "transactions.csv"), 101, (_, _) => { });
        var flags = CarbonRules.Check((await CarbonTestData.LoadAsync(dir)).Value);
        var flag = Assert.Single(flags);
        Assert.Equal((CarbonFlagKinds.SerialOverlap, CarbonRegistries.Verra, "verra/transactions.csv", row, "verra/transactions.csv:101"), (flag.Kind, flag.Registry, flag.File, flag.Row, flag.Related));
        Assert.Contains("held twice", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gold_standard_issuance_overlapping_another_is_a_serial_overlap_but_its_own_retirements_are_not()
    {
        var dir = CarbonTestData.CopyOfReal();
        var path = Path.Combine(dir, "gold-standard", "issuances.csv");

        // Row 52 is issued 1..5485 and real retirement row 1 retired 110..5463 of it: a partition, not a flag. Plant a second issuance of 5000..6000.
        var row = CarbonTestData.AppendCopy(path, 52, (col, r) =>
        {
            r[col("Serial Number")] = "GS1-1-KE-GS11603-16-2025-30256-5000-6000";
            r[col("Quantity")] = "1001";
        });
        var flag = Assert.Single(CarbonRules.Check((await CarbonTestData.LoadAsync(dir)).Value));
        Assert.Equal((CarbonFlagKinds.SerialOverlap, "gold-standard/issuances.csv", row, "gold-standard/issuances.csv:52"), (flag.Kind, flag.File, flag.Row, flag.Related));
        Assert.Contains("486 serials", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_acr_retirement_retired_again_for_another_beneficiary_is_retired_twice()
    {
        var dir = CarbonTestData.CopyOfReal();
        var row = CarbonTestData.AppendCopy(Path.Combine(dir, "american-carbon-registry", "retirements.csv"), 1, (col, r) => r[col("Retired on Behalf of")] = "Someone else");
        var flag = Assert.Single(CarbonRules.Check((await CarbonTestData.LoadAsync(dir)).Value));
        Assert.Equal((CarbonFlagKinds.RetiredTwice, CarbonRegistries.AmericanCarbonRegistry, "ACR1129", row, "american-carbon-registry/retirements.csv:1"), (flag.Kind, flag.Registry, flag.Project, flag.Row, flag.Related));
        Assert.Contains("'Someone else'", flag.Reason, StringComparison.Ordinal);
        Assert.Contains("4212 serials", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_of_serials_already_retired_is_retired_twice()
    {
        var dir = CarbonTestData.CopyOfReal();
        var retired = CarbonTestData.Record(Path.Combine(dir, "climate-action-reserve", "retirements.csv"), 1)["Offset Credit Serial Numbers"];
        var row = CarbonTestData.AppendCopy(Path.Combine(dir, "climate-action-reserve", "cancellations.csv"), 1, (col, r) =>
        {
            r[col("Offset Credit Serial Numbers")] = retired.Replace("-1 to 5000", "-4001 to 4500", StringComparison.Ordinal);
            r[col("Quantity of Offset Credits")] = "500";
            r[col("Project ID")] = "CAR1335";
        });
        var flag = Assert.Single(CarbonRules.Check((await CarbonTestData.LoadAsync(dir)).Value));
        Assert.Equal((CarbonFlagKinds.RetiredTwice, "climate-action-reserve/retirements.csv", 1, $"climate-action-reserve/cancellations.csv:{row}"), (flag.Kind, flag.File, flag.Row, flag.Related));
    }

    [Fact]
    public async Task A_verra_retired_block_still_listed_as_held_is_retired_and_held()
    {
        var dir = CarbonTestData.CopyOfReal();
        var row = CarbonTestData.AppendCopy(Path.Combine(dir, "verra", "transactions.csv"), 1, (col, r) => r[col("Retirement/Cancellation Date")] = string.Empty);
        var flag = Assert.Single(CarbonRules.Check((await CarbonTestData.LoadAsync(dir)).Value));
        Assert.Equal((CarbonFlagKinds.RetiredAndHeld, "1340", row, "verra/transactions.csv:1"), (flag.Kind, flag.Project, flag.Row, flag.Related));
        Assert.Contains("retired, yet still shown as held", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cad_trust_unit_retired_while_another_holds_its_serials_is_retired_and_held()
    {
        var dir = CarbonTestData.CopyOfReal();
        var path = Path.Combine(dir, "cadt", "units.json");
        var units = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        var copy = units[0]!.DeepClone();
        copy["warehouseUnitId"] = "planted-unit";
        copy["serialNumberBlock"] = "AXJJFSLGHSHEJ1005-AXJJFSLGHSHEJ1006";
        copy["unitStatus"] = "Retired";
        units.Add(copy);
        File.WriteAllText(path, units.ToJsonString());
        var flag = Assert.Single(CarbonRules.Check((await CarbonTestData.LoadAsync(dir)).Value));
        Assert.Equal((CarbonFlagKinds.RetiredAndHeld, CarbonRegistries.Cadt, "cadt/units.json", 4, "cadt/units.json:1"), (flag.Kind, flag.Registry, flag.File, flag.Row, flag.Related));
    }

    [Fact]
    public async Task A_car_block_also_retired_in_acr_is_a_double_issuance_of_serials()
    {
        var dir = CarbonTestData.CopyOfReal();
        var car = CarbonTestData.Record(Path.Combine(dir, "climate-action-reserve", "retirements.csv"), 1);
        var row = CarbonTestData.AppendCopy(Path.Combine(dir, "american-carbon-registry", "retirements.csv"), 1, (col, r) =>
        {
            r[col("Credit Serial Numbers")] = car["Offset Credit Serial Numbers"];
            r[col("Quantity of Credits")] = car["Quantity of Offset Credits"];
        });
        var flag = Assert.Single(CarbonRules.Check((await CarbonTestData.LoadAsync(dir)).Value));
        Assert.Equal((CarbonFlagKinds.DoubleIssuanceSerial, CarbonRegistries.ClimateActionReserve, "climate-action-reserve/retirements.csv", 1, $"american-carbon-registry/retirements.csv:{row}"),
            (flag.Kind, flag.Registry, flag.File, flag.Row, flag.Related));
        Assert.Contains("5000 serials", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cad_trust_mirror_of_a_registrys_own_block_is_not_a_double_issuance()
    {
        var dir = CarbonTestData.CopyOfReal();
        var path = Path.Combine(dir, "cadt", "units.json");
        var units = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        var car = CarbonTestData.Record(Path.Combine(dir, "climate-action-reserve", "retirements.csv"), 2)["Offset Credit Serial Numbers"];

        // CAR's own retirement mirrored in CAD Trust under a CAR project (CAR1273's issuance): same registry of origin, no flag.
        var issuances = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "cadt", "issuances.json")))!.AsArray();
        issuances.Add(JsonNode.Parse("""{"id":"mirror-issuance","warehouseProjectId":"751ad8a7-7066-4f5d-ac84-9dc41f360643","startDate":"2025-01-01","endDate":"2025-12-31"}"""));
        File.WriteAllText(Path.Combine(dir, "cadt", "issuances.json"), issuances.ToJsonString());
        var copy = units[0]!.DeepClone();
        copy["serialNumberBlock"] = car.Replace(" to ", "-", StringComparison.Ordinal);
        copy["serialNumberPattern"] = @"^.*-([0-9]+)-([0-9]+)$";
        copy["unitCount"] = 7275;
        copy["issuanceId"] = "mirror-issuance";
        copy["unitStatus"] = "Retired";
        units.Add(copy);
        File.WriteAllText(path, units.ToJsonString());
        var loaded = await CarbonTestData.LoadAsync(dir);
        var unit = loaded.Value.Blocks.Single(b => b.Registry == CarbonRegistries.Cadt && b.Provenance.Row == 4);
        Assert.Equal((CarbonRegistries.ClimateActionReserve, "CAR1273", 7275L), (unit.OriginRegistry, unit.ProjectId, unit.Serial!.Count));
        Assert.Empty(CarbonRules.Check(loaded.Value));
    }

    [Fact]
    public async Task A_verra_project_listed_and_issued_again_in_gold_standard_is_a_double_issuance_of_the_project()
    {
        var dir = CarbonTestData.CopyOfReal();

        // Verra project 1340 has real transactions; list it in Verra's projects and again, with an issuance, in Gold Standard's.
        CarbonTestData.AppendCopy(Path.Combine(dir, "verra", "projects.csv"), 1, (col, r) =>
        {
            r[col("ID")] = "1340";
            r[col("Name")] = "Bale Mountains Eco-region REDD+ project";
            r[col("Country/Area")] = "Ethiopia";
        });
        var gsRow = CarbonTestData.AppendCopy(Path.Combine(dir, "gold-standard", "projects.csv"), 1, (col, r) =>
        {
            r[col("GSID")] = "99999";
            r[col("Project Name")] = "BALE MOUNTAINS Eco-Region REDD+ Project";
            r[col("Country")] = "Ethiopia";
        });
        CarbonTestData.AppendCopy(Path.Combine(dir, "gold-standard", "issuances.csv"), 1, (col, r) =>
        {
            r[col("GSID")] = "99999";
            r[col("Serial Number")] = "GS1-1-ET-GS99999-16-2020-1-1-100";
            r[col("Quantity")] = "100";
        });
        var flag = Assert.Single(CarbonRules.Check((await CarbonTestData.LoadAsync(dir)).Value));
        Assert.Equal((CarbonFlagKinds.DoubleIssuanceProject, CarbonRegistries.GoldStandard, "99999", gsRow, "verra/projects.csv:51"), (flag.Kind, flag.Registry, flag.Project, flag.Row, flag.Related));
    }

    [Fact]
    public async Task Two_cad_trust_projects_of_different_registries_with_overlapping_issuances_are_a_cadt_conflict()
    {
        var dir = CarbonTestData.CopyOfReal();
        var issuances = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "cadt", "issuances.json")))!.AsArray();

        // Real projects CAR1273 (Climate Action Reserve) and US1216 (United States National Registry): both AFOLU, both in the United States.
        issuances.Add(JsonNode.Parse("""{"id":"i-car","warehouseProjectId":"751ad8a7-7066-4f5d-ac84-9dc41f360643","startDate":"2019-01-01 00:00:00.000 +00:00","endDate":"2019-12-31 00:00:00.000 +00:00"}"""));
        issuances.Add(JsonNode.Parse("""{"id":"i-us","warehouseProjectId":"688007ed-8163-4f63-8a57-1d49d6e50fd8","startDate":"2019-06-01 00:00:00.000 +00:00","endDate":"2020-05-31 00:00:00.000 +00:00"}"""));
        File.WriteAllText(Path.Combine(dir, "cadt", "issuances.json"), issuances.ToJsonString());
        var flag = Assert.Single(CarbonRules.Check((await CarbonTestData.LoadAsync(dir)).Value));
        Assert.Equal((CarbonFlagKinds.CadtConflict, CarbonRegistries.Cadt), (flag.Kind, flag.Registry));
        Assert.Contains("United States", flag.Reason, StringComparison.Ordinal);
        Assert.Contains("Agriculture Forestry and Other Land Use", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cad_trust_issuances_that_do_not_overlap_in_time_are_no_conflict()
    {
        var dir = CarbonTestData.CopyOfReal();
        var issuances = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "cadt", "issuances.json")))!.AsArray();
        issuances.Add(JsonNode.Parse("""{"id":"i-car","warehouseProjectId":"751ad8a7-7066-4f5d-ac84-9dc41f360643","startDate":"2019-01-01","endDate":"2019-12-31"}"""));
        issuances.Add(JsonNode.Parse("""{"id":"i-us","warehouseProjectId":"688007ed-8163-4f63-8a57-1d49d6e50fd8","startDate":"2020-01-01","endDate":"2020-12-31"}"""));
        File.WriteAllText(Path.Combine(dir, "cadt", "issuances.json"), issuances.ToJsonString());
        Assert.Empty(CarbonRules.Check((await CarbonTestData.LoadAsync(dir)).Value));
    }

    [Fact]
    public void Serial_overlaps_match_a_brute_force_comparison_on_random_blocks()
    {
        var random = new Random(7);
        const int n = 3000;
        var stems = new int[n];
        var first = new long[n];
        var last = new long[n];
        for (var i = 0; i < n; i++)
        {
            stems[i] = random.Next(20);
            first[i] = random.Next(100_000);
            last[i] = first[i] + random.Next(200);
        }

        var expected = new List<(int, int)>();
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (stems[a] == stems[b] && first[a] <= last[b] && first[b] <= last[a])
                {
                    expected.Add((a, b));
                }
            }
        }

        Assert.True(expected.Count > 100);
        Assert.Equal(expected, SerialOverlaps.Find(stems, first, last));
    }
}
