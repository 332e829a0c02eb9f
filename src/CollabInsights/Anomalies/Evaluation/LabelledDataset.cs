using System.Globalization;
using CollabInsights.OffChain;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>
/// A labelled table for scoring anomaly detectors: numeric feature rows and a label per row (true = anomaly). Read from a CSV
/// (a header, numeric feature columns and a <c>label</c> column of 0/1) or a MATLAB <c>.mat</c> file as the ODDS benchmark
/// distributes them (matrix <c>X</c> of features, vector <c>y</c> of 0/1 labels).
/// </summary>
/// <param name="Name">The file name without its extension.</param>
/// <param name="Features">Feature names (CSV header, or <c>x1..xn</c> for a MAT-file).</param>
/// <param name="Rows">Feature values per row; an empty CSV cell is NaN (unknown, scored as the median).</param>
/// <param name="Labels">True where the row is an anomaly.</param>
public sealed record LabelledDataset(string Name, IReadOnlyList<string> Features, IReadOnlyList<double[]> Rows, IReadOnlyList<bool> Labels)
{
    /// <summary>The name of the label column of a CSV.</summary>
    public const string LabelColumn = "label";

    /// <summary>Number of rows labelled anomalous.</summary>
    public int Anomalies => Labels.Count(l => l);

    /// <summary>Reads a <c>.csv</c> or <c>.mat</c> file by its extension.</summary>
    public static LabelledDataset Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new CollabInsightsException($"Labelled dataset '{path}' does not exist. Pass a CSV with numeric feature columns and a 'label' column (1 = anomaly), or an ODDS .mat file.");
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(path),
            ".mat" => ReadMat(path),
            _ => throw new CollabInsightsException($"'{path}' is neither a .csv nor a .mat file. Pass a CSV with numeric feature columns and a 'label' column (1 = anomaly), or an ODDS .mat file."),
        };
    }

    /// <summary>Reads a CSV: every column except <see cref="LabelColumn"/> is a numeric feature (invariant culture); the label is 0 or 1.</summary>
    public static LabelledDataset ReadCsv(string path)
    {
        var file = Path.GetFileName(path);
        var table = CsvFile.Parse(path, File.ReadAllBytes(path));
        var header = table.Header.Select(h => h.Trim()).ToArray();
        var label = Array.FindIndex(header, h => string.Equals(h, LabelColumn, StringComparison.OrdinalIgnoreCase));
        if (label < 0)
        {
            throw new CollabInsightsException($"{file} has no '{LabelColumn}' column (header: {string.Join(",", header)}). Add a column named {LabelColumn} with 1 for an anomaly and 0 otherwise.");
        }

        var features = header.Where((_, i) => i != label).ToArray();
        if (features.Length == 0)
        {
            throw new CollabInsightsException($"{file} has no feature columns besides '{LabelColumn}'. Add at least one numeric column.");
        }

        var rows = new List<double[]>(table.Rows.Count);
        var labels = new List<bool>(table.Rows.Count);
        for (var r = 1; r <= table.Rows.Count; r++)
        {
            var values = new double[features.Length];
            var j = 0;
            for (var c = 0; c < header.Length; c++)
            {
                var text = table.Cell(r, c).Trim();
                if (c == label)
                {
                    labels.Add(text switch
                    {
                        "1" or "1.0" or "true" or "True" => true,
                        "0" or "0.0" or "false" or "False" => false,
                        _ => throw new CollabInsightsException($"{file} row {r}, column {LabelColumn}: '{text}' is not a label. Write 1 for an anomaly and 0 otherwise."),
                    });
                    continue;
                }

                if (text.Length == 0)
                {
                    values[j++] = double.NaN;
                }
                else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
                {
                    values[j++] = v;
                }
                else
                {
                    throw new CollabInsightsException($"{file} row {r}, column {header[c]}: '{text}' is not a number. Features must be numbers with a '.' decimal point (leave a cell empty for unknown); encode categories as numbers or drop the column.");
                }
            }

            rows.Add(values);
        }

        return new LabelledDataset(Path.GetFileNameWithoutExtension(path), features, rows, labels);
    }

    /// <summary>Reads an ODDS MAT-file: matrix <c>X</c> (rows x features) and <c>y</c> (one 0/1 label per row).</summary>
    public static LabelledDataset ReadMat(string path)
    {
        var file = Path.GetFileName(path);
        var vars = MatFile.Read(path);
        if (!vars.TryGetValue("X", out var x) || !vars.TryGetValue("y", out var y))
        {
            throw new CollabInsightsException($"{file} holds {string.Join(", ", vars.Keys.Order(StringComparer.Ordinal))}, not the ODDS layout (a matrix X of features and a vector y of 0/1 labels).");
        }

        if (y.Values.Length != x.Rows)
        {
            throw new CollabInsightsException($"{file}: X has {x.Rows} rows but y has {y.Values.Length} labels; they must match.");
        }

        var rows = Enumerable.Range(0, x.Rows).Select(r => x.Values.AsSpan(r * x.Columns, x.Columns).ToArray()).ToList();
        var labels = y.Values.Select(v => v switch
        {
            0 => false,
            1 => true,
            _ => throw new CollabInsightsException(string.Create(CultureInfo.InvariantCulture, $"{file}: y holds {v}, not a 0/1 label.")),
        }).ToList();
        var names = Enumerable.Range(1, x.Columns).Select(i => string.Create(CultureInfo.InvariantCulture, $"x{i}")).ToList();
        return new LabelledDataset(Path.GetFileNameWithoutExtension(path), names, rows, labels);
    }
}
