using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CollabInsights.Domain;

namespace CollabInsights.OffChain;

/// <summary>
/// A published impact-bond landscape set figure by figure beside ours from an INDIGO snapshot: the difference and its
/// explanation, and a reproducibility manifest (input file hashes, kit version, parameters). The same snapshot and
/// parameters give byte-identical files.
/// </summary>
/// <remarks>
/// <para>A median is explained by looking for it in our data: GO Lab prints medians in whole units, so when the published
/// median equals, rounded half away from zero, one of our values or the mean of two adjacent values of our sorted list,
/// that value or pair is named with its rows. With N published projects, the pair sits in the middle of their list
/// (N/2 - 1 values below it and as many above, for an even N); where it sits in ours says how many projects with data the
/// snapshot has gained or lost below and above it, net.</para>
/// <para>"More than" figures are lower bounds; ours agrees with one when it is at least the bound.</para>
/// </remarks>
/// <param name="Published">The published figures.</param>
/// <param name="SnapshotDate">The date the snapshot was pulled, <c>YYYY-MM-DD</c>.</param>
/// <param name="Figures">Each published figure beside ours, in the order of the published page.</param>
/// <param name="MethodReproduced">True when every published median is found in our data as a value or the mean of two adjacent values.</param>
/// <param name="Conclusion">One paragraph saying what the comparison shows.</param>
public sealed record LandscapeReproduction(PublishedLandscape Published, string SnapshotDate, IReadOnlyList<ReproducedFigure> Figures, bool MethodReproduced, string Conclusion)
{
    /// <summary>The opening words of <see cref="Conclusion"/> when <see cref="MethodReproduced"/> is true.</summary>
    public const string ReproducedStatement = "Method reproduced: each published median is found in the snapshot as the mean of two adjacent projects' values";

    /// <summary>The version of the kit (assembly informational version), as recorded in manifests.</summary>
    public static string KitVersion { get; } =
        typeof(LandscapeReproduction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Sets <paramref name="published"/> beside <paramref name="ours"/>, computed from a snapshot pulled on <paramref name="snapshotDate"/> (<c>YYYY-MM-DD</c>).</summary>
    public static LandscapeReproduction Compare(IndigoLandscape ours, PublishedLandscape published, string snapshotDate)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(published);
        var months = MonthsBetween(published.AsOf, snapshotDate);
        var time = $"The snapshot was pulled on {snapshotDate}, {months} months after the {published.AsOf} page; INDIGO adds projects as they are found and revises existing ones.";
        var usdMedian = ExplainMedian(ours.CapitalUsdValues, published.MedianCapitalUsd, published.ProjectsWithCapitalUsd, "USD");
        var gbpMedian = ExplainMedian(ours.UkCapitalGbpValues, published.UkMedianCapitalGbp, published.UkProjectsWithCapitalGbp, "GBP");

        var figures = new List<ReproducedFigure>
        {
            Row("impact_bonds", N(published.ImpactBonds), published.ImpactBonds, ours.ImpactBonds.Value, time),
            Row("projects_with_capital_usd", $"{N(published.ProjectsWithCapitalUsd)} (\"based on available data from\")", published.ProjectsWithCapitalUsd, ours.ProjectsWithCapitalUsd.Value,
                $"{time} Ours counts projects with an exact or minimum USD investment commitment ({Rules(ours, "capital_usd_exact", "capital_usd_range_minimum")})."),
            Row("capital_raised_usd", $"> USD {N(published.CapitalRaisedUsdAtLeast / 1_000_000m)}m", published.CapitalRaisedUsdAtLeast, ours.CapitalRaisedUsd.Value,
                LowerBound(ours.CapitalRaisedUsd.Value, published.CapitalRaisedUsdAtLeast, "USD") + " " + time),
            Row("median_capital_usd", $"USD {N(published.MedianCapitalUsd)}", published.MedianCapitalUsd, ours.MedianCapitalUsd.Value, usdMedian.Text),
            Row("uk_impact_bonds", N(published.UkImpactBonds), published.UkImpactBonds, ours.UkImpactBonds.Value,
                $"{time} Ours counts projects with a delivery location in GB ({ours.UkImpactBonds.Rows.Count} projects)."),
            Row("uk_projects_with_capital_gbp", $"{N(published.UkProjectsWithCapitalGbp)} (\"based on available data from\")", published.UkProjectsWithCapitalGbp, ours.UkProjectsWithCapitalGbp.Value,
                $"{time} Ours counts UK projects in GBP with an exact or minimum investment commitment ({Rules(ours, "uk_capital_gbp_exact", "uk_capital_gbp_range_minimum")})."),
            Row("uk_capital_raised_gbp", $"> GBP {N(published.UkCapitalRaisedGbpAtLeast / 1_000_000m)}m", published.UkCapitalRaisedGbpAtLeast, ours.UkCapitalRaisedGbp.Value,
                LowerBound(ours.UkCapitalRaisedGbp.Value, published.UkCapitalRaisedGbpAtLeast, "GBP") + " " + time),
            Row("uk_median_capital_gbp", $"GBP {N(published.UkMedianCapitalGbp)}", published.UkMedianCapitalGbp, ours.UkMedianCapitalGbp.Value, gbpMedian.Text),
        };

        var reproduced = usdMedian.Found && gbpMedian.Found;
        var conclusion = reproduced
            ? $"{ReproducedStatement} (or one project's value), rounded to a whole unit, so GO Lab's method is the one computed here, medians included. " +
              $"The other differences come from the {months} months between the page ({published.AsOf}) and the snapshot ({snapshotDate}): projects added and revised."
            : "Method not confirmed: at least one published median is neither a value nor the mean of two adjacent values in the snapshot, so the method or the data differ beyond the passage of time; see each figure's explanation.";
        return new LandscapeReproduction(published, snapshotDate, figures, reproduced, conclusion);
    }

    /// <summary>
    /// The comparison as a fixed-width text table, one figure per line (published, ours, difference), then the explanations
    /// and the conclusion; the form the reproduction notebook prints.
    /// </summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Published.Publisher}, \"{Published.Title}\" ({Published.AsOf}) against the INDIGO snapshot of {SnapshotDate}\n");
        sb.Append(CultureInfo.InvariantCulture, $"{"figure",-30} {"published",-34} {"ours",18} {"difference",18} {"relative",9}\n");
        foreach (var f in Figures)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{f.Figure,-30} {f.Published,-34} {N(f.Ours),18} {Signed(f.Difference),18} {(f.RelativeDifference is { } r ? Signed(Math.Round(r * 100m, 1)) + "%" : "-"),9}\n");
        }

        sb.Append('\n');
        foreach (var f in Figures)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{f.Figure}: {f.Explanation}\n");
        }

        sb.Append('\n').Append(Conclusion).Append('\n');
        return sb.ToString();
    }

    /// <summary>The comparison as indented JSON (snake_case keys, exact numbers); the same comparison gives the same bytes.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("publisher", Published.Publisher);
            w.WriteString("title", Published.Title);
            w.WriteString("address", Published.Address);
            w.WriteString("published_as_of", Published.AsOf);
            w.WriteString("snapshot_date", SnapshotDate);
            w.WriteStartArray("figures");
            foreach (var f in Figures)
            {
                w.WriteStartObject();
                w.WriteString("figure", f.Figure);
                w.WriteString("published", f.Published);
                w.WriteNumber("published_value", f.PublishedValue);
                WriteNumber(w, "ours", f.Ours);
                WriteNumber(w, "difference", f.Difference);
                WriteNumber(w, "relative_difference", f.RelativeDifference);
                w.WriteString("explanation", f.Explanation);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteBoolean("method_reproduced", MethodReproduced);
            w.WriteString("conclusion", Conclusion);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Writes <c>landscape.json</c> (<see cref="IndigoLandscape.ToJson"/>), <c>reproduction.json</c> and <c>manifest.json</c>
    /// into <paramref name="folder"/> (created if needed). The manifest records the kit version, the .NET version, the
    /// parameters (sorted by name), every input file's SHA-256 and rows, and the SHA-256 of the two other files; nothing in
    /// it depends on the clock or the folder, so the same inputs give byte-identical files. Returns the three paths.
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteAsync(string folder, IndigoLandscape landscape, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var (name, bytes) in Files(landscape, parameters))
        {
            var path = Path.Combine(Path.GetFullPath(folder), name);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The text of the <c>manifest.json</c> that <see cref="WriteAsync"/> writes for these inputs and parameters.</summary>
    public string ManifestFor(IndigoLandscape landscape, IReadOnlyDictionary<string, string> parameters) =>
        Encoding.UTF8.GetString(Files(landscape, parameters)[^1].Bytes);

    private List<(string Name, byte[] Bytes)> Files(IndigoLandscape landscape, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        ArgumentNullException.ThrowIfNull(parameters);
        var outputs = new List<(string Name, byte[] Bytes)>
        {
            ("landscape.json", Encoding.UTF8.GetBytes(landscape.ToJson() + "\n")),
            ("reproduction.json", Encoding.UTF8.GetBytes(ToJson() + "\n")),
        };
        outputs.Add(("manifest.json", Encoding.UTF8.GetBytes(Manifest(landscape, parameters, outputs) + "\n")));
        return outputs;
    }

    // The reproducibility manifest: kit and .NET versions, parameters, input files (name, SHA-256, rows) and the outputs' SHA-256.
    private static string Manifest(IndigoLandscape landscape, IReadOnlyDictionary<string, string> parameters, IEnumerable<(string Name, byte[] Bytes)> outputs)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(outputs);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("kit_version", KitVersion);
            w.WriteString("dotnet", Environment.Version.ToString());
            w.WriteString("method", IndigoLandscape.Method);
            w.WriteStartObject("parameters");
            foreach (var (name, value) in parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            w.WriteStartArray("inputs");
            foreach (var input in landscape.Inputs)
            {
                input.WriteJson(w);
            }

            w.WriteEndArray();
            w.WriteStartArray("outputs");
            foreach (var (name, bytes) in outputs)
            {
                w.WriteStartObject();
                w.WriteString("file", name);
                w.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(bytes)));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static ReproducedFigure Row(string figure, string printed, decimal published, decimal? ours, string explanation)
    {
        decimal? diff = ours is { } o ? o - published : null;
        decimal? rel = diff is { } d && published != 0m ? Math.Round(d / published, 4, MidpointRounding.AwayFromZero) : null;
        return new ReproducedFigure(figure, printed, published, ours, diff, rel, explanation);
    }

    private static string LowerBound(decimal? ours, decimal bound, string currency) =>
        ours is { } o && o >= bound
            ? $"Published as a lower bound (\"more than {currency} {N(bound)}\"); ours, {currency} {N(o)}, is above it, as it must be if the method is the same and the set of projects has grown."
            : $"Published as a lower bound (\"more than {currency} {N(bound)}\"); ours, {currency} {N(ours)}, is below it: projects or amounts counted then are missing from the snapshot.";

    private static (bool Found, string Text) ExplainMedian(IReadOnlyList<LandscapeValue> values, decimal published, int publishedCount, string currency)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Math.Round(values[i].Value, 0, MidpointRounding.AwayFromZero) == published)
            {
                return (true, $"The published median {currency} {N(published)} is one project's value in the snapshot, {Describe(values[i], currency)}: a median of an odd count, as ours is for {values.Count} values.");
            }

            if (i + 1 < values.Count && Math.Round((values[i].Value + values[i + 1].Value) / 2m, 0, MidpointRounding.AwayFromZero) == published)
            {
                var theirsBelow = publishedCount / 2 - 1;
                var theirsAbove = publishedCount - publishedCount / 2 - 1;
                var oursBelow = i;
                var oursAbove = values.Count - i - 2;
                return (true,
                    $"The published median {currency} {N(published)} is the mean of two adjacent values in the snapshot, {Describe(values[i], currency)} and {Describe(values[i + 1], currency)} " +
                    $"(mean {currency} {N((values[i].Value + values[i + 1].Value) / 2m)}, rounded to the whole unit): the middle pair of an even count ({publishedCount} projects), the same median definition as ours. " +
                    $"In the snapshot that pair has {oursBelow} values below it and {oursAbove} above, against {theirsBelow} and {theirsAbove} in {publishedCount} projects: " +
                    $"net {Signed(oursBelow - theirsBelow)} projects with data below it and {Signed(oursAbove - theirsAbove)} above, which moved our median ({values.Count} values) to {currency} {N(MedianOf(values))}.");
            }
        }

        return (false, $"The published median {currency} {N(published)} is neither a value nor the mean of two adjacent values among our {values.Count}: the data differ beyond projects added or removed (amounts revised), or the method differs.");
    }

    private static decimal MedianOf(IReadOnlyList<LandscapeValue> sorted) => Percentile.Median(sorted.Select(v => v.Value).ToList()) ?? 0m;

    private static string Describe(LandscapeValue v, string currency) => $"{currency} {N(v.Value)} ({v.ProjectId}, {v.Row})";

    private static string Rules(IndigoLandscape l, params string[] names) =>
        string.Join(", ", names.Select(n => $"{n}: {l.Rules.Single(r => r.Name == n).Rows.Count}"));

    private static int MonthsBetween(string yearMonth, string date)
    {
        var a = DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var b = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (b.Year - a.Year) * 12 + b.Month - a.Month;
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string N(decimal? d) => d is { } v ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "-";

    private static string Signed(decimal? d) => d is { } v ? (v > 0 ? "+" : string.Empty) + N(v) : "-";
}
