using CollabInsights.Domain;
using CollabInsights.OffChain.Standards.Internal;

namespace CollabInsights.OffChain.Standards;

/// <summary>
/// Reads the open data standards funders and public bodies publish their money in (IATI activity XML, OCDS release and
/// record packages, 360Giving JSON and CSV) into the kit's domain model, so <c>FundingLinker</c>, <c>collab link</c> and
/// the notebooks work on them as on INDIGO. Readers stream (<see cref="System.Xml.XmlReader"/>,
/// <see cref="System.Text.Json.Utf8JsonReader"/>, a record-at-a-time CSV reader): a file larger than memory is read in
/// one pass; only the records kept take memory.
/// </summary>
/// <remarks>
/// <para><b>IATI</b> (2.0x). Each <c>iati-activity</c> is a project (<c>iati-identifier</c>; title, <c>activity-status</c>
/// as stage, first <c>recipient-country</c>, first DAC <c>sector</c>, actual or planned start and end dates).
/// Organisations: reporting, participating (by <c>@ref</c>, else <c>name:</c> + narrative), provider and receiver
/// organisations. Transactions: Outgoing (2) and Incoming (11) Commitments are funding commitments of the provider;
/// Incoming Funds (1), Disbursements (3), Expenditure (4) and Reimbursements (7) are actual payments from provider to
/// receiver (a missing provider of an outgoing flow, or receiver of an incoming one, is the reporting organisation);
/// other types are counted and listed as a warning, not linked. Amounts take <c>value/@currency</c>, else the activity's
/// <c>@default-currency</c>. A funding participating organisation (role 1) with no commitment is a funder of unknown
/// amount. Results: every <c>result/indicator</c> is a metric with id <c>result-R/indicator-I</c> (1-based positions);
/// every <c>baseline</c>, <c>period/target</c> and <c>period/actual</c> is an <see cref="IndicatorValue"/>, and actuals are
/// also <see cref="OutcomeResult"/>s. Rows are line numbers.</para>
/// <para><b>OCDS</b> (1.0, 1.1). Each contracting process (<c>ocid</c>) is a project; releases are merged in file order by the
/// ids of parties, awards, contracts, transactions, metrics and observations (a record's <c>compiledRelease</c> is used as
/// it is). The buyer commits each contract's value (an award's value where no contract refers to it); implementation
/// transactions are actual payments from payer (1.0: provider) to payee (1.0: receiver; else the award's only supplier).
/// Metrics extension: <c>implementation.metrics</c> observations are actuals (and results); <c>agreedMetrics</c> of awards
/// and contracts and <c>tender.targets</c> are targets; metric ids are <c>contract-ID/METRIC</c>, <c>award-ID/METRIC</c> or
/// <c>tender/METRIC</c>. Rows are the 1-based index of the release or record in its array.</para>
/// <para><b>360Giving</b>. Each grant is a project; its first funding organisation commits the amount awarded (in the
/// grant's currency) and pays the amount disbursed, when given, to its first recipient organisation. The standard carries
/// no results: the chain is funder -> recipient. Dates are ISO 8601; <c>DD/MM/YYYY</c> (older files) is read with a
/// warning. CSV columns are matched by their 360Giving titles (<c>Funding Org:Identifier</c>, also
/// <c>Funding Org:0:Identifier</c>), ignoring case; rows are data rows (header excluded) or the index in <c>grants</c>.</para>
/// <para>Problems are <see cref="DataProblem"/>s with file, row, column (an element, attribute or field path) and value, as
/// for INDIGO: bad values are reported and the rest of the record loads.</para>
/// </remarks>
public static class StandardsSource
{
    /// <summary>
    /// Reads the file, or every <c>.xml</c>, <c>.json</c> and <c>.csv</c> file of the folder (in name order), at
    /// <paramref name="path"/>. <paramref name="format"/> null detects it per file (<see cref="Detect"/>); all files of a
    /// folder must be of one standard. Throws <see cref="CollabInsightsException"/> for a missing path, an undetectable or
    /// mixed format, malformed XML/JSON/CSV, or a missing required CSV column.
    /// </summary>
    public static Task<LoadResult<StandardsDataset>> LoadAsync(string path, StandardFormat? format = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Load(path, format, keep: true, cancellationToken), cancellationToken);

    /// <summary>Reads like <see cref="LoadAsync"/> but keeps no records: only the counts and problems, in memory bounded by one record (for very large files and benchmarks).</summary>
    public static Task<LoadResult<StandardsCounts>> CountAsync(string path, StandardFormat? format = null, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            var load = Load(path, format, keep: false, cancellationToken);
            return new LoadResult<StandardsCounts>(load.Value.Counts, load.Problems);
        }, cancellationToken);

    /// <summary>
    /// The standard of one file, from its first bytes: an XML root <c>iati-activities</c> or <c>iati-activity</c> is IATI; a JSON
    /// object with a top-level <c>releases</c> or <c>records</c> is OCDS, with <c>grants</c> 360Giving; a CSV header with
    /// <c>Amount Awarded</c> is 360Giving. Null when none matches.
    /// </summary>
    public static StandardFormat? Detect(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = File.OpenRead(file);
        var head = new byte[64 * 1024];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = System.Text.Encoding.UTF8.GetString(head, 0, n).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('<'))
        {
            return text.Contains("<iati-activities", StringComparison.Ordinal) || text.Contains("<iati-activity", StringComparison.Ordinal) ? StandardFormat.Iati : null;
        }

        if (text.StartsWith('{'))
        {
            // The first top-level key that names one: OCDS packages put metadata first, 360Giving starts with "grants".
            var releases = IndexOfKey(text, "releases", "records");
            var grants = IndexOfKey(text, "grants");
            return (releases, grants) switch
            {
                (>= 0, < 0) => StandardFormat.Ocds,
                (< 0, >= 0) => StandardFormat.ThreeSixtyGiving,
                (>= 0, >= 0) => releases < grants ? StandardFormat.Ocds : StandardFormat.ThreeSixtyGiving,
                _ => text.Contains("\"ocid\"", StringComparison.Ordinal) ? StandardFormat.Ocds : null,
            };
        }

        var firstLine = text.Split('\n')[0];
        return firstLine.Contains("Amount Awarded", StringComparison.OrdinalIgnoreCase) ? StandardFormat.ThreeSixtyGiving : null;
    }

    private static int IndexOfKey(string text, params string[] keys) =>
        keys.Select(k => text.IndexOf($"\"{k}\"", StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();

    private static LoadResult<StandardsDataset> Load(string path, StandardFormat? format, bool keep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        string[] files;
        if (Directory.Exists(full))
        {
            files = [.. Directory.GetFiles(full).Where(f => Path.GetExtension(f).ToLowerInvariant() is ".xml" or ".json" or ".csv").Order(StringComparer.Ordinal)];
            if (files.Length == 0)
            {
                throw new CollabInsightsException($"'{full}' holds no .xml, .json or .csv file. Pass an IATI activity XML file, an OCDS package, a 360Giving file, or a folder of them.");
            }
        }
        else if (File.Exists(full))
        {
            files = [full];
        }
        else
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.NotFound, $"'{full}' does not exist. Pass an IATI activity XML file, an OCDS release or record package, a 360Giving JSON or CSV file, or a folder of them.");
        }

        var formats = files.Select(f => (File: f, Format: format ?? Detect(f))).ToList();
        if (formats.FirstOrDefault(f => f.Format is null) is { File: not null } unknown)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidData, $"'{unknown.File}' is not recognised as IATI activity XML, an OCDS release or record package, or 360Giving JSON or CSV. Name the format (the format parameter: StandardFormat.Iati, Ocds or ThreeSixtyGiving), or remove the file from the folder.", "format");
        }

        var distinct = formats.Select(f => f.Format!.Value).Distinct().ToList();
        if (distinct.Count > 1)
        {
            throw new CollabInsightsException($"'{full}' mixes standards ({string.Join(", ", distinct.Select(StandardsDataset.Name))}). Read one standard at a time: put each in its own folder.");
        }

        var builder = new DatasetBuilder(keep);
        foreach (var (file, fmt) in formats)
        {
            var name = Path.GetFileName(file);
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            switch (fmt!.Value)
            {
                case StandardFormat.Iati:
                    new IatiReader(builder, name).Read(stream, ct);
                    break;
                case StandardFormat.Ocds:
                    new OcdsReader(builder, name).Read(stream, ct);
                    break;
                default:
                    var grants = new GrantsReader(builder, name);
                    if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    {
                        grants.ReadCsv(stream, ct);
                    }
                    else
                    {
                        grants.ReadJson(stream, ct);
                    }

                    break;
            }
        }

        var dataset = new StandardsDataset(distinct[0], [.. formats.Select(f => Path.GetFileName(f.File))], builder.ToDataset(), builder.IndicatorValues, builder.Counts());
        return new LoadResult<StandardsDataset>(dataset, builder.Problems);
    }
}
