using System.Security.Cryptography;
using System.Text.Json;
using CollabInsights.Domain;
using CollabInsights.OffChain.Internal;

namespace CollabInsights.OffChain;

/// <summary>
/// The impact-bond landscape computed from an INDIGO export by the Government Outcomes Lab's own method, the one behind
/// its monthly "impact bond landscape" pages: how many impact bonds, how much capital they raised and its median, where
/// they are delivered, the UK in pounds, and counts by stage and policy sector. Every figure carries the rows it came
/// from and every rule applied is listed with the rows it touched (<see cref="Rules"/>).
/// </summary>
/// <remarks>
/// <para><b>Method.</b> GO Lab: "Calculations are based on the variable 'Total Investment Commitment - Exact Amount in
/// USD'. When projects have minimum and maximum values (instead of exact amount of investment commitment), we include
/// minimum values in the overall sum." So a project's capital raised in USD is
/// <c>Overall project finance - Total investment commitment - Amount USD - Exact</c> when that cell is not empty, else
/// <c>... Amount USD - Min</c>; the UK figures do the same with the local-currency columns (<c>Amount - Exact</c>, else
/// <c>Amount - Min</c>) for projects whose currency is GBP. Sums are exact (<see cref="decimal"/>); the median is the
/// middle value, or the mean of the two middle values when there is an even number of them.</para>
/// <para><b>Rows.</b> An impact bond is a row of <c>projects.csv</c> with a non-empty <c>ID</c> not seen before in the
/// file. Countries come from <c>projects_delivery_locations.csv</c> (<c>Location - Country</c>, as written); a project
/// counts once in each country it is delivered in. UK means a delivery location in <c>GB</c>. A policy sector cell
/// naming several sectors separated by commas counts the project once in each. Cells are trimmed; an empty stage or
/// sector is counted under <see cref="NotStated"/>. Amount cells must be plain numbers (<c>-?digits(.digits)?</c>, as
/// the export writes them); any other text is a <see cref="Problems"/> entry and the project is left out of that figure.</para>
/// </remarks>
public sealed record IndigoLandscape(
    IReadOnlyList<LandscapeInput> Inputs,
    LandscapeFigure ImpactBonds,
    LandscapeFigure ProjectsWithCapitalUsd,
    LandscapeFigure CapitalRaisedUsd,
    LandscapeFigure MedianCapitalUsd,
    IReadOnlyDictionary<string, LandscapeFigure> Countries,
    LandscapeFigure UkImpactBonds,
    LandscapeFigure UkProjectsWithCapitalGbp,
    LandscapeFigure UkCapitalRaisedGbp,
    LandscapeFigure UkMedianCapitalGbp,
    IReadOnlyDictionary<string, LandscapeFigure> Stages,
    IReadOnlyDictionary<string, LandscapeFigure> Sectors,
    IReadOnlyList<LandscapeRule> Rules,
    IReadOnlyList<DataProblem> Problems,
    IReadOnlyList<LandscapeValue> CapitalUsdValues,
    IReadOnlyList<LandscapeValue> UkCapitalGbpValues)
{
    /// <summary>The key under which projects with an empty stage or policy sector are counted.</summary>
    public const string NotStated = "(not stated)";

    /// <summary>The country code that makes a project a UK impact bond (ISO 3166-1, as INDIGO writes it).</summary>
    public const string UkCountry = "GB";

    /// <summary>The currency of the UK figures.</summary>
    public const string UkCurrency = "GBP";

    /// <summary>The method in one sentence, as printed above the figures.</summary>
    public const string Method =
        "GO Lab's method: capital raised is the project's total investment commitment, the exact amount or, where only a range is given, its minimum " +
        "(USD columns for the global figures, the local-currency columns of GBP projects for the UK); the median is the middle value (mean of the two middle values for an even count).";

    private const string ProjectsFile = "projects.csv";
    private const string LocationsFile = "projects_delivery_locations.csv";
    private const string Id = "ID";
    private const string Stage = "Stage of Development - (Value)";
    private const string Sector = "Purpose and classifications - Policy sector - (Value)";
    private const string Currency = "Overall project finance - Total investment commitment - Currency - (Value)";
    private const string Prefix = "Overall project finance - Total investment commitment - ";
    private const string LocalMin = Prefix + "Amount - Min - (Value)";
    private const string LocalExact = Prefix + "Amount - Exact - (Value)";
    private const string LocalMax = Prefix + "Amount - Max - (Value)";
    private const string UsdMin = Prefix + "Amount USD - Min - (Value)";
    private const string UsdExact = Prefix + "Amount USD - Exact - (Value)";
    private const string UsdMax = Prefix + "Amount USD - Max - (Value)";
    private const string LocationProject = "Project ID";
    private const string LocationCountry = "Location - Country - (Value)";

    /// <summary>The files the landscape reads from an INDIGO export.</summary>
    public static IReadOnlyList<string> Files { get; } = [ProjectsFile, LocationsFile];

    /// <summary>
    /// Computes the landscape of the export at <paramref name="path"/> (a folder of CSV files or the zip as downloaded).
    /// Throws <see cref="CollabInsightsException"/> when the path, a file or a column is missing.
    /// </summary>
    public static async Task<IndigoLandscape> ComputeAsync(string path, CancellationToken cancellationToken = default)
    {
        var files = await IndigoFileSet.OpenAsync(path, [.. Files], cancellationToken).ConfigureAwait(false);
        return Compute(files);
    }

    internal static IndigoLandscape Compute(IndigoFileSet files)
    {
        var problems = new List<DataProblem>();
        var rules = new RuleBook();
        var projectBytes = files.Get(ProjectsFile);
        var locationBytes = files.Get(LocationsFile);
        var projects = new IndigoRowReader(CsvTable.Parse(ProjectsFile, projectBytes), [Id, Stage, Sector, Currency, LocalMin, LocalExact, LocalMax, UsdMin, UsdExact, UsdMax], problems);
        var locations = new IndigoRowReader(CsvTable.Parse(LocationsFile, locationBytes), [LocationProject, LocationCountry], problems);

        // Impact bonds: rows of projects.csv with a first-seen, non-empty ID.
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 1; row <= projects.Count; row++)
        {
            projects.MoveTo(row);
            var id = projects.Text(projects.Column(Id));
            if (id is null)
            {
                projects.Invalid(projects.Column(Id), "missing id: the row is not counted as an impact bond");
                rules.Add("project_without_id", projects.Provenance);
            }
            else if (!rowOf.TryAdd(id, row))
            {
                projects.Invalid(projects.Column(Id), $"duplicate id: first seen on row {rowOf[id]}; this row is not counted again");
                rules.Add("duplicate_project_id", projects.Provenance);
            }
        }

        string P(int row) => new FileProvenance(ProjectsFile, row).Describe();

        // Countries from delivery locations.
        var countriesOf = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var countryRows = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var countryProjects = new SortedDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var row = 1; row <= locations.Count; row++)
        {
            locations.MoveTo(row);
            var project = locations.Text(locations.Column(LocationProject));
            var country = locations.Text(locations.Column(LocationCountry));
            if (project is null || !rowOf.ContainsKey(project))
            {
                rules.Add("location_of_unknown_project", locations.Provenance);
                continue;
            }

            if (country is null)
            {
                rules.Add("location_without_country", locations.Provenance);
                continue;
            }

            (countriesOf.TryGetValue(project, out var set) ? set : countriesOf[project] = new SortedSet<string>(StringComparer.Ordinal)).Add(country);
            (countryRows.TryGetValue(country, out var rows) ? rows : countryRows[country] = []).Add(row);
            (countryProjects.TryGetValue(country, out var ps) ? ps : countryProjects[country] = new HashSet<string>(StringComparer.Ordinal)).Add(project);
        }

        var usd = new List<(decimal Value, int Row)>();
        var gbp = new List<(decimal Value, int Row)>();
        var idOf = rowOf.ToDictionary(kv => kv.Value, kv => kv.Key);
        var ukRows = new List<int>();
        var stages = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var sectors = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (id, row) in rowOf.OrderBy(kv => kv.Value))
        {
            projects.MoveTo(row);
            var here = projects.Provenance;

            // Capital raised in USD.
            var usdCell = First(projects, UsdExact, UsdMin);
            if (usdCell is { } u)
            {
                if (Amount(projects, u.Column) is { } value)
                {
                    usd.Add((value, row));
                    rules.Add(u.Column == projects.Column(UsdExact) ? "capital_usd_exact" : "capital_usd_range_minimum", here);
                }
                else
                {
                    rules.Add("amount_not_a_number", here);
                }
            }
            else if (First(projects, LocalExact, LocalMin) is not null)
            {
                rules.Add("capital_usd_missing_conversion", here);
            }
            else if (projects.Text(projects.Column(UsdMax)) is not null || projects.Text(projects.Column(LocalMax)) is not null)
            {
                rules.Add("capital_usd_maximum_only", here);
            }

            // Countries.
            if (!countriesOf.TryGetValue(id, out var countries))
            {
                rules.Add("project_without_country", here);
            }
            else if (countries.Count > 1)
            {
                rules.Add("project_in_several_countries", here);
            }

            // The UK, in pounds.
            if (countries?.Contains(UkCountry) == true)
            {
                ukRows.Add(row);
                var localCell = First(projects, LocalExact, LocalMin);
                if (localCell is { } l)
                {
                    var currencyText = projects.TextOrEmpty(projects.Column(Currency));
                    var code = IndigoCells.Currency(currencyText).Code;
                    if (currencyText.Length == 0)
                    {
                        rules.Add("uk_capital_missing_currency", here);
                    }
                    else if (!string.Equals(code, UkCurrency, StringComparison.Ordinal))
                    {
                        rules.Add("uk_capital_other_currency", here);
                    }
                    else if (Amount(projects, l.Column) is { } value)
                    {
                        gbp.Add((value, row));
                        rules.Add(l.Column == projects.Column(LocalExact) ? "uk_capital_gbp_exact" : "uk_capital_gbp_range_minimum", here);
                    }
                    else
                    {
                        rules.Add("amount_not_a_number", here);
                    }
                }
                else if (projects.Text(projects.Column(LocalMax)) is not null)
                {
                    rules.Add("uk_capital_maximum_only", here);
                }
            }

            // Stage and sectors.
            var stage = projects.Text(projects.Column(Stage));
            if (stage is null)
            {
                rules.Add("stage_not_stated", here);
            }

            Add(stages, stage ?? NotStated, row);
            var named = projects.TextOrEmpty(projects.Column(Sector))
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.Ordinal).ToList();
            if (named.Count == 0)
            {
                rules.Add("sector_not_stated", here);
                named.Add(NotStated);
            }
            else if (named.Count > 1)
            {
                rules.Add("project_in_several_sectors", here);
            }

            foreach (var s in named)
            {
                Add(sectors, s, row);
            }
        }

        foreach (var row in countryRows.GetValueOrDefault(UkCountry) ?? [])
        {
            rules.Add("uk_by_delivery_location", new FileProvenance(LocationsFile, row));
        }

        var allRows = rowOf.Values.Order().Select(P).ToList();
        return new IndigoLandscape(
            [Input(ProjectsFile, projectBytes, projects.Count), Input(LocationsFile, locationBytes, locations.Count)],
            new LandscapeFigure(rowOf.Count, allRows),
            new LandscapeFigure(usd.Count, usd.Select(x => P(x.Row)).ToList()),
            new LandscapeFigure(usd.Sum(x => x.Value), usd.Select(x => P(x.Row)).ToList()),
            Median(usd, P),
            countryRows.ToDictionary(
                kv => kv.Key,
                kv => new LandscapeFigure(countryProjects[kv.Key].Count, kv.Value.Select(r => new FileProvenance(LocationsFile, r).Describe()).ToList()),
                StringComparer.Ordinal),
            new LandscapeFigure(ukRows.Count, ukRows.Select(P).ToList()),
            new LandscapeFigure(gbp.Count, gbp.Select(x => P(x.Row)).ToList()),
            new LandscapeFigure(gbp.Sum(x => x.Value), gbp.Select(x => P(x.Row)).ToList()),
            Median(gbp, P),
            stages.ToDictionary(kv => kv.Key, kv => new LandscapeFigure(kv.Value.Count, kv.Value.Select(P).ToList()), StringComparer.Ordinal),
            sectors.ToDictionary(kv => kv.Key, kv => new LandscapeFigure(kv.Value.Count, kv.Value.Select(P).ToList()), StringComparer.Ordinal),
            rules.ToList(),
            problems,
            Values(usd),
            Values(gbp));

        List<LandscapeValue> Values(List<(decimal Value, int Row)> values) =>
            values.OrderBy(v => v.Value).ThenBy(v => v.Row).Select(v => new LandscapeValue(P(v.Row), idOf[v.Row], v.Value)).ToList();
    }

    /// <summary>
    /// One JSON object: <c>inputs</c>, <c>method</c>, then the figures (<c>impact_bonds</c>, <c>projects_with_capital_usd</c>,
    /// <c>capital_raised_usd</c>, <c>median_capital_usd</c>, <c>countries</c>, <c>uk_impact_bonds</c>,
    /// <c>uk_projects_with_capital_gbp</c>, <c>uk_capital_raised_gbp</c>, <c>uk_median_capital_gbp</c>, <c>stages</c>,
    /// <c>sectors</c>), each <c>{"value": exact number, "rows": ["file:row", ...]}</c> (countries, stages and sectors map a
    /// name to such an object, keys in ordinal order), then <c>rules</c> (<c>{name, description, rows}</c>) and <c>problems</c>
    /// (<c>{file, row, column, value, message}</c>). The same export gives the same bytes.
    /// </summary>
    public string ToJson(bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("inputs");
            foreach (var input in Inputs)
            {
                input.WriteJson(w);
            }

            w.WriteEndArray();
            w.WriteString("method", Method);
            WriteFigure(w, "impact_bonds", ImpactBonds);
            WriteFigure(w, "projects_with_capital_usd", ProjectsWithCapitalUsd);
            WriteFigure(w, "capital_raised_usd", CapitalRaisedUsd);
            WriteFigure(w, "median_capital_usd", MedianCapitalUsd);
            WriteFigures(w, "countries", Countries);
            WriteFigure(w, "uk_impact_bonds", UkImpactBonds);
            WriteFigure(w, "uk_projects_with_capital_gbp", UkProjectsWithCapitalGbp);
            WriteFigure(w, "uk_capital_raised_gbp", UkCapitalRaisedGbp);
            WriteFigure(w, "uk_median_capital_gbp", UkMedianCapitalGbp);
            WriteFigures(w, "stages", Stages);
            WriteFigures(w, "sectors", Sectors);
            w.WriteStartArray("rules");
            foreach (var rule in Rules)
            {
                w.WriteStartObject();
                w.WriteString("name", rule.Name);
                w.WriteString("description", rule.Description);
                WriteRows(w, rule.Rows);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("problems");
            foreach (var p in Problems)
            {
                p.WriteJson(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFigures(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, LandscapeFigure> figures)
    {
        w.WriteStartObject(name);
        foreach (var (key, figure) in figures.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            WriteFigure(w, key, figure);
        }

        w.WriteEndObject();
    }

    private static void WriteFigure(Utf8JsonWriter w, string name, LandscapeFigure figure)
    {
        w.WriteStartObject(name);
        if (figure.Value is { } v)
        {
            w.WriteNumber("value", v);
        }
        else
        {
            w.WriteNull("value");
        }

        WriteRows(w, figure.Rows);
        w.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter w, IReadOnlyList<string> rows)
    {
        w.WriteStartArray("rows");
        foreach (var r in rows)
        {
            w.WriteStringValue(r);
        }

        w.WriteEndArray();
    }

    private static LandscapeInput Input(string file, byte[] bytes, int rows) =>
        new(file, Convert.ToHexStringLower(SHA256.HashData(bytes)), rows);

    private static void Add(SortedDictionary<string, List<int>> groups, string key, int row) =>
        (groups.TryGetValue(key, out var rows) ? rows : groups[key] = []).Add(row);

    // The first non-empty cell of the given columns, in order.
    private static (int Column, string Text)? First(IndigoRowReader reader, params string[] columns)
    {
        foreach (var c in columns)
        {
            if (reader.Text(reader.Column(c)) is { } t)
            {
                return (reader.Column(c), t);
            }
        }

        return null;
    }

    private static decimal? Amount(IndigoRowReader reader, int column)
    {
        var value = IndigoCells.PlainDecimal(reader.TextOrEmpty(column));
        if (value is null)
        {
            reader.Invalid(column, "not an amount: expected a plain number such as 1250000 or 1250000.50; the project is left out of this figure");
        }

        return value;
    }

    // The kit's one median (Percentile: the middle value, or the mean of the two middle values) with the rows it reads; ties in value are ordered by row so the rows named are stable.
    private static LandscapeFigure Median(List<(decimal Value, int Row)> values, Func<int, string> describe)
    {
        if (values.Count == 0)
        {
            return new LandscapeFigure(null, []);
        }

        var sorted = values.OrderBy(v => v.Value).ThenBy(v => v.Row).ToList();
        var rows = Percentile.MedianIndexes(sorted.Count).Select(i => sorted[i].Row).Order().Select(describe).ToList();
        return new LandscapeFigure(Percentile.Median(sorted.ConvertAll(v => v.Value)), rows);
    }

    // Every rule of the method, in the order they are printed, with the rows each applied to.
    private sealed class RuleBook
    {
        private static readonly (string Name, string Description)[] All =
        [
            ("capital_usd_exact", "Capital raised in USD is the total investment commitment's exact amount in USD ('Amount USD - Exact'), INDIGO's own conversion."),
            ("capital_usd_range_minimum", "Where no exact USD amount is given but a range is, the range minimum ('Amount USD - Min') is used, as GO Lab does."),
            ("capital_usd_missing_conversion", "The project gives an amount in its own currency but no USD amount: it is left out of the USD figures (no exchange rate is applied)."),
            ("capital_usd_maximum_only", "Only the range maximum is given: the project is left out of the capital figures (GO Lab counts the exact amount or the minimum)."),
            ("amount_not_a_number", "An amount cell is not a plain number: the project is left out of that figure and the cell is listed under problems."),
            ("project_without_country", "The project has no delivery location with a country: it counts in no country."),
            ("project_in_several_countries", "The project is delivered in several countries: it counts once in each."),
            ("location_without_country", "A delivery location row gives no country: it is ignored."),
            ("location_of_unknown_project", "A delivery location row names a project that is not an impact bond of projects.csv: it is ignored."),
            ("uk_by_delivery_location", "A UK impact bond is a project with a delivery location in GB (not its jurisdiction, which the export mostly leaves empty); these are the GB location rows."),
            ("uk_capital_gbp_exact", "UK capital raised is the total investment commitment's exact amount in the project's currency, for projects in GBP."),
            ("uk_capital_gbp_range_minimum", "Where a UK project in GBP gives no exact amount but a range, the range minimum is used."),
            ("uk_capital_missing_currency", "A UK project gives an amount without a currency: it is left out of the GBP figures."),
            ("uk_capital_other_currency", "A UK project's amount is in another currency than GBP: it is left out of the GBP figures (no exchange rate is applied)."),
            ("uk_capital_maximum_only", "A UK project gives only the range maximum: it is left out of the GBP figures."),
            ("stage_not_stated", $"The stage of development is empty: the project counts under '{NotStated}'."),
            ("sector_not_stated", $"The policy sector is empty: the project counts under '{NotStated}'."),
            ("project_in_several_sectors", "The policy sector cell names several sectors separated by commas: the project counts once in each."),
            ("project_without_id", "A projects.csv row has an empty ID: it is not an impact bond of the count."),
            ("duplicate_project_id", "A projects.csv row repeats an ID seen before: only the first row counts."),
        ];

        private readonly Dictionary<string, List<Provenance>> _rows = All.ToDictionary(r => r.Name, _ => new List<Provenance>(), StringComparer.Ordinal);

        public void Add(string name, FileProvenance where) => _rows[name].Add(where);

        public List<LandscapeRule> ToList() =>
            All.Select(r => new LandscapeRule(
                r.Name,
                r.Description,
                _rows[r.Name].Cast<FileProvenance>().OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Row).Select(p => p.Describe()).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
