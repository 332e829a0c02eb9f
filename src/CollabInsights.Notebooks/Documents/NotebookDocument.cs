using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollabInsights.Notebooks.Documents;

/// <summary>
/// An nbformat 4 notebook (<c>.ipynb</c>): cells plus metadata. Reads notebooks written by Jupyter,
/// VS Code and Polyglot Notebooks; keeps unknown metadata, cell ids and attachments; writes JSON that
/// <c>nbformat.validate</c> accepts (one-space indent, sources as lists of lines, like Jupyter).
/// </summary>
public sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The major format version; always 4.</summary>
    public int NbFormat { get; private set; } = 4;

    /// <summary>The minor format version; 5 for new notebooks (cell ids are required from 4.5 on).</summary>
    public int NbFormatMinor { get; set; } = 5;

    /// <summary>Notebook metadata (kernelspec, language_info, and any other keys, kept on write).</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>The cells in order.</summary>
    public List<NotebookCell> Cells { get; } = [];

    /// <summary>Top-level keys nbformat does not define; kept on write.</summary>
    public JsonObject Extra { get; } = [];

    /// <summary>Reads a notebook file; throws <see cref="CollabInsightsException"/> naming the file when it is not nbformat 4 JSON.</summary>
    public static NotebookDocument Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CollabInsightsException($"Cannot read notebook {path}: {e.Message}", e);
        }

        return Parse(json, path);
    }

    /// <summary>Parses notebook JSON; <paramref name="origin"/> names the source in error messages.</summary>
    public static NotebookDocument Parse(string json, string origin = "notebook")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject
                ?? throw new CollabInsightsException($"{origin} is not a notebook: the JSON root is not an object.");
        }
        catch (JsonException e)
        {
            throw new CollabInsightsException($"{origin} is not valid JSON ({e.Message}). Is it an .ipynb file?", e);
        }

        var doc = new NotebookDocument();
        var major = root["nbformat"]?.GetValue<int>() ?? throw new CollabInsightsException($"{origin} has no 'nbformat' key: it is not a Jupyter notebook.");
        if (major != 4)
        {
            throw new CollabInsightsException($"{origin} is nbformat {major}; only nbformat 4 is supported. Convert it with `jupyter nbconvert --to notebook --nbformat 4`.");
        }

        doc.NbFormatMinor = root["nbformat_minor"]?.GetValue<int>() ?? 0;
        doc.Metadata = root["metadata"] is JsonObject md ? (JsonObject)md.DeepClone() : [];
        foreach (var (key, value) in root)
        {
            if (key is not ("nbformat" or "nbformat_minor" or "metadata" or "cells"))
            {
                doc.Extra[key] = value?.DeepClone();
            }
        }

        if (root["cells"] is JsonArray cells)
        {
            var index = 0;
            foreach (var node in cells)
            {
                index++;
                if (node is not JsonObject cellJson)
                {
                    throw new CollabInsightsException($"{origin}: cell {index} is not a JSON object.");
                }

                doc.Cells.Add(ReadCell(cellJson, origin, index));
            }
        }

        return doc;
    }

    /// <summary>Writes the notebook to <paramref name="path"/> (UTF-8, no BOM, trailing newline).</summary>
    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(path, ToJson(), new UTF8Encoding(false));
    }

    /// <summary>The notebook as nbformat 4 JSON. Assigns deterministic ids to cells that lack one when the format is 4.5+.</summary>
    public string ToJson()
    {
        EnsureCellIds();
        var root = new JsonObject();
        var cells = new JsonArray();
        foreach (var cell in Cells)
        {
            cells.Add(WriteCell(cell, NbFormatMinor));
        }

        root["cells"] = cells;
        root["metadata"] = Metadata.DeepClone();
        root["nbformat"] = NbFormat;
        root["nbformat_minor"] = NbFormatMinor;
        foreach (var (key, value) in Extra)
        {
            root[key] = value?.DeepClone();
        }

        return root.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>Gives every cell without an id a deterministic one (nbformat 4.5+ requires ids; unique within the notebook).</summary>
    public void EnsureCellIds()
    {
        if (NbFormatMinor < 5)
        {
            return;
        }

        var used = new HashSet<string>(Cells.Where(c => c.Id is not null).Select(c => c.Id!), StringComparer.Ordinal);
        for (var i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i];
            if (cell.Id is not null)
            {
                continue;
            }

            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{i}\n{cell.Source}"));
            var id = Convert.ToHexStringLower(hash)[..8];
            while (!used.Add(id))
            {
                hash = SHA256.HashData(hash);
                id = Convert.ToHexStringLower(hash)[..8];
            }

            cell.Id = id;
        }
    }

    /// <summary>Joins an nbformat multiline string (a string or a list of strings).</summary>
    internal static string ReadMultiline(JsonNode? node) => node switch
    {
        null => "",
        JsonArray array => string.Concat(array.Select(n => n?.GetValue<string>() ?? "")),
        JsonValue value => value.GetValue<string>(),
        _ => "",
    };

    /// <summary>Splits text into nbformat's list of lines (each keeps its trailing newline).</summary>
    internal static JsonArray WriteMultiline(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                array.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            array.Add(text[start..]);
        }

        return array;
    }

    private static NotebookCell ReadCell(JsonObject json, string origin, int index)
    {
        var kind = json["cell_type"]?.GetValue<string>() switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            var other => throw new CollabInsightsException($"{origin}: cell {index} has unknown cell_type '{other}'."),
        };
        var cell = new NotebookCell(kind, ReadMultiline(json["source"]), json["id"]?.GetValue<string>())
        {
            Metadata = json["metadata"] is JsonObject md ? (JsonObject)md.DeepClone() : [],
            Attachments = json["attachments"] is JsonObject att ? (JsonObject)att.DeepClone() : null,
            ExecutionCount = json["execution_count"] is JsonValue count ? count.GetValue<int>() : null,
        };
        if (json["outputs"] is JsonArray outputs)
        {
            foreach (var output in outputs)
            {
                if (output is JsonObject o)
                {
                    cell.Outputs.Add((JsonObject)o.DeepClone());
                }
            }
        }

        foreach (var (key, value) in json)
        {
            if (key is not ("cell_type" or "source" or "id" or "metadata" or "attachments" or "execution_count" or "outputs"))
            {
                cell.Extra[key] = value?.DeepClone();
            }
        }

        return cell;
    }

    private static JsonObject WriteCell(NotebookCell cell, int minor)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind switch
            {
                CellKind.Code => "code",
                CellKind.Markdown => "markdown",
                _ => "raw",
            },
        };
        if (minor >= 5 && cell.Id is not null)
        {
            json["id"] = cell.Id;
        }

        json["metadata"] = cell.Metadata.DeepClone();
        if (cell.Kind != CellKind.Code && cell.Attachments is not null)
        {
            json["attachments"] = cell.Attachments.DeepClone();
        }

        json["source"] = WriteMultiline(cell.Source);
        if (cell.Kind == CellKind.Code)
        {
            json["execution_count"] = cell.ExecutionCount;
            var outputs = new JsonArray();
            foreach (var output in cell.Outputs)
            {
                outputs.Add(output.DeepClone());
            }

            json["outputs"] = outputs;
        }

        foreach (var (key, value) in cell.Extra)
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }
}
