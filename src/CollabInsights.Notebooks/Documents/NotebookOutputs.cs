using System.Text.Json.Nodes;
using CollabInsights.Notebooks.Display;
using CollabInsights.Notebooks.Execution;

namespace CollabInsights.Notebooks.Documents;

/// <summary>Converts engine outputs to nbformat 4 output JSON (and MIME bundles to Jupyter message content).</summary>
public static class NotebookOutputs
{
    /// <summary>The nbformat JSON of one output.</summary>
    public static JsonObject ToJson(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject
        {
            ["output_type"] = "stream",
            ["name"] = s.Name,
            ["text"] = NotebookDocument.WriteMultiline(s.Text),
        },
        DisplayDataOutput d => new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = BundleJson(d.Data, multiline: true),
            ["metadata"] = new JsonObject(),
        },
        UpdateDisplayDataOutput u => new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = BundleJson(u.Data, multiline: true),
            ["metadata"] = new JsonObject(),
        },
        ExecuteResultOutput r => new JsonObject
        {
            ["output_type"] = "execute_result",
            ["execution_count"] = r.ExecutionCount,
            ["data"] = BundleJson(r.Data, multiline: true),
            ["metadata"] = new JsonObject(),
        },
        ErrorOutput e => new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = e.Name,
            ["evalue"] = e.Value,
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "Unknown output kind."),
    };

    /// <summary>
    /// Appends a cell's outputs to <paramref name="outputs"/> as nbformat JSON. A display with an id is remembered in
    /// <paramref name="displays"/>; an update replaces that earlier output in place (in this cell or an earlier one),
    /// as Jupyter front ends do with update_display_data; nbformat keeps no display ids.
    /// </summary>
    public static void AppendTo(List<JsonObject> outputs, IEnumerable<CellOutput> cellOutputs, IDictionary<string, JsonObject> displays)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(cellOutputs);
        ArgumentNullException.ThrowIfNull(displays);
        foreach (var output in cellOutputs)
        {
            if (output is UpdateDisplayDataOutput update)
            {
                if (displays.TryGetValue(update.DisplayId, out var shown))
                {
                    shown["data"] = BundleJson(update.Data, multiline: true);
                }

                continue;
            }

            var json = ToJson(output);
            if (output is DisplayDataOutput { DisplayId: { } id })
            {
                displays[id] = json;
            }

            outputs.Add(json);
        }
    }

    /// <summary>A MIME bundle as a JSON object: MIME type to text (as a list of lines in notebooks, a string in messages).</summary>
    public static JsonObject BundleJson(MimeBundle bundle, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var data = new JsonObject();
        foreach (var (mime, text) in bundle.Data)
        {
            data[mime] = multiline ? NotebookDocument.WriteMultiline(text) : JsonValue.Create(text);
        }

        return data;
    }

    /// <summary>The text of a MIME type in an nbformat output's data, or null.</summary>
    public static string? GetData(JsonObject output, string mimeType) =>
        output["data"] is JsonObject data && data[mimeType] is { } node ? NotebookDocument.ReadMultiline(node) : null;
}
