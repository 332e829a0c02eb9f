using CollabInsights.Carbon;
using CollabInsights.Domain;

namespace CollabInsights.Carbon.Tests;

public class LoaderTests
{
    [Fact]
    public async Task Every_real_registry_sample_loads_into_one_model_with_its_row_counts()
    {
        var loaded = await CarbonTestData.LoadAsync(CarbonTestData.OffsetsDb, CarbonTestData.Cadt);
        var d = loaded.Value;
        (int, int, int) Count(string r) => (d.Projects.Count(p => p.Registry == r), d.Issuances.Count(i => i.Registry == r), d.Blocks.Count(b => b.Registry == r));
        Assert.Equal((50, 87, 200), Count(CarbonRegistries.Verra));
        Assert.Equal((50, 100, 200), Count(CarbonRegistries.GoldStandard));
        Assert.Equal((50, 100, 150), Count(CarbonRegistries.AmericanCarbonRegistry));
        Assert.Equal((50, 100, 150), Count(CarbonRegistries.ClimateActionReserve));
        Assert.Equal((28, 11, 11), Count(CarbonRegistries.ArtTrees));
        Assert.Equal((50, 100, 100), Count(CarbonRegistries.Isometric));
        Assert.Equal((50, 100, 100), Count(CarbonRegistries.Cercarbono));
        Assert.Equal((9, 1, 3), Count(CarbonRegistries.Cadt));
        Assert.Equal(CarbonRegistries.All, d.Registries);
    }

    [Fact]
    public async Task A_verra_row_becomes_a_retired_block_with_its_vcu_numbers_and_date()
    {
        var d = (await CarbonTestData.LoadAsync(CarbonTestData.OffsetsDb)).Value;
        var first = d.Blocks.Single(b => b.Provenance == new FileProvenance("verra/transactions.csv", 1));
        Assert.Equal("1340", first.ProjectId);
        Assert.Equal(CreditStatus.Retired, first.Status);
        Assert.Equal(425m, first.Quantity);
        Assert.Equal(new SerialRange("VCS-VCU", 941467007, 941467431, "19385-941467007-941467431-VCS-VCU-1507-VER-ET-14-1340-01012020-31122020-1"), first.Serial);
        Assert.Equal(new DateOnly(2026, 4, 10), first.Date);
        Assert.Equal(2020, first.Vintage);
        var held = d.Blocks.Single(b => b.Provenance == new FileProvenance("verra/transactions.csv", 101));
        Assert.Equal(CreditStatus.Held, held.Status);
    }

    [Fact]
    public async Task Retirements_keep_their_beneficiary_account_reason_and_details()
    {
        var d = (await CarbonTestData.LoadAsync(CarbonTestData.OffsetsDb)).Value;
        var acr = d.Blocks.Single(b => b.Provenance == new FileProvenance("american-carbon-registry/retirements.csv", 1));
        Assert.Equal(("ACR1129", CreditStatus.Retired, 4212m), (acr.ProjectId, acr.Status, acr.Quantity));
        Assert.Equal(("1423", "AWS", "Environmental Benefit"), (acr.Account, acr.Beneficiary, acr.Reason));
        Assert.StartsWith("Retirement for 2025 emissions", acr.Details, StringComparison.Ordinal);
        Assert.Equal(new SerialRange("ACR-FR-1129-2025-2917", 30932, 35143, "ACR-FR-1129-2025-2917-30932 to 35143"), acr.Serial);
        var cancelled = d.Blocks.Single(b => b.Provenance == new FileProvenance("american-carbon-registry/cancellations.csv", 1));
        Assert.Equal((CreditStatus.Cancelled, "Convert to Ecology offset credits"), (cancelled.Status, cancelled.Reason));
        var gs = d.Blocks.Single(b => b.Provenance == new FileProvenance("gold-standard/retirements.csv", 1));
        Assert.Equal("Hilti Corporation", gs.Beneficiary);
        var isometric = d.Blocks.Single(b => b.Provenance == new FileProvenance("isometric/retirements.csv", 1));
        Assert.Equal(("Workday", 531m, (SerialRange?)null), (isometric.Beneficiary, isometric.Quantity, isometric.Serial));
    }

    [Fact]
    public async Task Gold_standards_older_first_to_last_serial_form_is_read_as_one_block()
    {
        var d = (await CarbonTestData.LoadAsync(CarbonTestData.OffsetsDb)).Value;
        var block = d.Blocks.Single(b => b.Provenance == new FileProvenance("gold-standard/issuances.csv", 81));
        Assert.Equal(new SerialRange("RW-5-*-2-2-0-7014", 1463953, 1467609, "RW-5-1463953-2-2-0-7014 - RW-5-1467609-2-2-0-7014"), block.Serial);
        Assert.Equal(block.Serial!.Count, block.Quantity);
    }

    [Fact]
    public async Task Isometric_fractional_tonnes_load_as_decimals()
    {
        var d = (await CarbonTestData.LoadAsync(CarbonTestData.OffsetsDb)).Value;
        var issuance = d.Issuances.Single(i => i.Provenance == new FileProvenance("isometric/issuances.csv", 1));
        Assert.Equal(2765.37m, issuance.Quantity);
    }

    [Fact]
    public async Task Cad_trust_units_are_joined_to_their_project_and_their_inconsistent_counts_are_located()
    {
        var loaded = await CarbonTestData.LoadAsync(CarbonTestData.Cadt);
        var units = loaded.Value.Blocks;
        Assert.Equal([CreditStatus.Held, CreditStatus.Buffer, CreditStatus.Held], units.Select(u => u.Status));
        Assert.Equal(new SerialRange("AXJJFSLGHSHEJ", 1000, 1010, "AXJJFSLGHSHEJ1000-AXJJFSLGHSHEJ1010"), units[0].Serial);
        var cadtProjects = loaded.Value.Projects;
        Assert.Equal(["Dominican Republic"], cadtProjects.Single(p => p.ProjectId == "2718").Countries);

        // CAD Trust's own API example: unitCount 222 for serials A345..B567 (223 serials), 1 for abc123..abd124 (2 serials).
        Assert.Equal(
            ["cadt/issuances.json row 1 warehouseProjectId", "cadt/units.json row 2 unitCount '222'", "cadt/units.json row 3 unitCount '1'"],
            loaded.Problems.Select(p => p.Column == "warehouseProjectId" ? $"{p.File} row {p.Row} {p.Column}" : $"{p.File} row {p.Row} {p.Column} '{p.Value}'"));
        Assert.All(loaded.Problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
    }

    [Fact]
    public async Task The_real_samples_have_no_other_data_problems()
    {
        var loaded = await CarbonTestData.LoadAsync(CarbonTestData.OffsetsDb);
        Assert.Empty(loaded.Problems);
    }

    [Fact]
    public async Task A_bad_quantity_is_located_by_file_row_column_and_value_and_the_other_rows_still_load()
    {
        var dir = CarbonTestData.CopyOfReal();
        var path = Path.Combine(dir, "verra", "transactions.csv");
        var (header, rows) = CarbonTestData.ReadCsv(path);
        var q = Array.IndexOf(header, "Quantity Issued");
        rows[1][q] = "12x";
        CarbonTestData.WriteCsv(path, header, rows);
        var loaded = await CarbonTestData.LoadAsync(Path.Combine(dir, "verra"));
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(new DataProblem("verra/transactions.csv", 2, "Quantity Issued", "12x", problem.Message, ProblemSeverity.Invalid), problem);
        Assert.Contains("number of credits", problem.Message, StringComparison.Ordinal);
        Assert.Equal(199, loaded.Value.Blocks.Count);
    }

    [Fact]
    public async Task An_unreadable_serial_is_located_and_the_block_loads_without_serials()
    {
        var dir = CarbonTestData.CopyOfReal();
        var path = Path.Combine(dir, "climate-action-reserve", "retirements.csv");
        var (header, rows) = CarbonTestData.ReadCsv(path);
        rows[4][Array.IndexOf(header, "Offset Credit Serial Numbers")] = "CAR-1-US-1335 from 1";
        CarbonTestData.WriteCsv(path, header, rows);
        var loaded = await CarbonTestData.LoadAsync(Path.Combine(dir, "climate-action-reserve"));
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(("climate-action-reserve/retirements.csv", 5, "Offset Credit Serial Numbers", "CAR-1-US-1335 from 1"), (problem.File, problem.Row, problem.Column, problem.Value));
        Assert.Contains("ACR-FR-1129-2025-2917-30932 to 35143", problem.Message, StringComparison.Ordinal);
        Assert.Null(loaded.Value.Blocks.Single(b => b.Provenance.Row == 5 && b.Provenance.File.EndsWith("retirements.csv", StringComparison.Ordinal)).Serial);
    }

    [Fact]
    public async Task A_missing_required_column_is_an_error_naming_the_file_and_the_column()
    {
        var dir = CarbonTestData.CopyOfReal();
        var path = Path.Combine(dir, "gold-standard", "retirements.csv");
        var (header, rows) = CarbonTestData.ReadCsv(path);
        header[Array.IndexOf(header, "Serial Number")] = "Serial";
        CarbonTestData.WriteCsv(path, header, rows);
        var ex = await Assert.ThrowsAsync<CollabInsightsException>(() => CarbonTestData.LoadAsync(dir));
        Assert.Contains("gold-standard/retirements.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Serial Number'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_registry_folders_is_an_error_naming_the_expected_folders()
    {
        var ex = await Assert.ThrowsAsync<CollabInsightsException>(() => CarbonTestData.LoadAsync(CollabInsights.Tests.Shared.RepoPaths.NewTempDirectory()));
        Assert.Contains("verra/", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cadt/", ex.Message, StringComparison.Ordinal);
    }
}
