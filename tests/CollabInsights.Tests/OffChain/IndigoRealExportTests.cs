using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.OffChain;

public class IndigoRealExportTests
{
    [Fact]
    public async Task Real_export_loads_every_project_counted_independently_with_python_csv()
    {
        var counted = await DebianPython.RunAsync(
            TestContext.Current.CancellationToken,
            "-c",
            "import csv,sys; rows=list(csv.DictReader(open(sys.argv[1],encoding='utf-8-sig',newline=''))); ids=[r['ID'].strip() for r in rows]; print(len(rows), len({i for i in ids if i}))",
            Path.Combine(RepoPaths.IndigoData, IndigoLayout.Projects));
        var parts = counted.Split(' ', StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

        var result = await IndigoSource.LoadAsync(RepoPaths.IndigoData, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(319, parts[0]); // the count stated in data/indigo-2025-05/README.md
        Assert.Equal(parts[1], result.Value.Projects.Count);
        Assert.Equal(parts[0], result.Value.Projects.Count);
        Assert.Contains(result.Problems, p => p is { File: IndigoLayout.Results, Value: "2018-13", Severity: ProblemSeverity.Invalid });
    }

    [Theory]
    [InlineData("indigo-2025-05/")]
    [InlineData("")]
    public async Task Zip_input_gives_the_same_records_and_problems_as_the_folder(string prefix)
    {
        var zipPath = Path.Combine(RepoPaths.NewTempDirectory("indigo-zip"), "indigo.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.GetFiles(RepoPaths.IndigoData, "*.csv").Order(StringComparer.Ordinal))
            {
                zip.CreateEntryFromFile(file, prefix + Path.GetFileName(file));
            }
        }

        var ct = TestContext.Current.CancellationToken;
        var folder = await IndigoSource.LoadAsync(RepoPaths.IndigoData, cancellationToken: ct);
        var zipped = await IndigoSource.LoadAsync(zipPath, cancellationToken: ct);

        Assert.Equal(folder.Problems, zipped.Problems);
        Assert.Equal(folder.Value.Organisations, zipped.Value.Organisations);
        Assert.Equal(folder.Value.Projects, zipped.Value.Projects);
        Assert.Equal(folder.Value.Funds, zipped.Value.Funds);
        Assert.Equal(folder.Value.ProjectFunds, zipped.Value.ProjectFunds);
        Assert.Equal(folder.Value.Commitments, zipped.Value.Commitments);
        Assert.Equal(folder.Value.Investments, zipped.Value.Investments);
        Assert.Equal(folder.Value.Metrics, zipped.Value.Metrics);
        Assert.Equal(folder.Value.Pricings, zipped.Value.Pricings);
        Assert.Equal(folder.Value.Results, zipped.Value.Results);
        Assert.Equal(folder.Value.Payments, zipped.Value.Payments);
        Assert.NotEmpty(zipped.Value.Payments);
    }

    [Fact]
    public async Task Summary_json_equals_an_independent_python_computation_on_the_real_export()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["indigo", "summary", "--data", RepoPaths.IndigoData, "--json"], output, error, ct);
        Assert.True(code == 0, error.ToString());
        var python = await DebianPython.RunAsync(ct, DebianPython.Script("indigo-python", "summary.py"), RepoPaths.IndigoData);

        using var ours = JsonDocument.Parse(output.ToString());
        using var theirs = JsonDocument.Parse(python);
        var o = ours.RootElement;
        var t = theirs.RootElement;
        foreach (var key in new[] { "projects", "outcome_payment_rows", "actual_payment_rows", "planned_payment_rows", "unspecified_payment_rows", "projects_with_actual_payments" })
        {
            Assert.True(t.GetProperty(key).GetInt32() == o.GetProperty(key).GetInt32(), $"{key}: ours {o.GetProperty(key)}, python {t.GetProperty(key)}");
        }

        Assert.Equal(
            t.GetProperty("actual_payments_by_currency").EnumerateObject().Select(p => (p.Name, decimal.Parse(p.Value.GetString()!, CultureInfo.InvariantCulture))),
            o.GetProperty("actual_payments_by_currency").EnumerateObject().Select(p => (p.Name, p.Value.GetDecimal())));
        Assert.Equal(
            decimal.Parse(t.GetProperty("max_potential_outcome_payment_usd_total").GetString()!, CultureInfo.InvariantCulture),
            o.GetProperty("max_potential_outcome_payment_usd_total").GetDecimal());
        Assert.Equal(ProblemKeys(t, "invalid_values"), ProblemKeys(o, "invalid_values"));
        Assert.Equal(ProblemKeys(t, "warnings"), ProblemKeys(o, "warnings"));

        // Sanity: the figures are not trivially empty.
        Assert.True(o.GetProperty("actual_payment_rows").GetInt32() > 0);
        Assert.True(o.GetProperty("invalid_values").GetArrayLength() > 0);
        Assert.True(o.GetProperty("warnings").GetArrayLength() > 0);
    }

    private static List<string> ProblemKeys(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateArray()
            .Select(p => $"{p.GetProperty("file").GetString()}|{p.GetProperty("row").GetInt32()}|{p.GetProperty("column").GetString()}|{p.GetProperty("value").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
