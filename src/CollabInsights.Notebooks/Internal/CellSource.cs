using System.Text;
using System.Text.Json.Nodes;
using CollabInsights.Notebooks.Documents;

namespace CollabInsights.Notebooks.Internal;

/// <summary>
/// Finds the C# code of a code cell, understanding Polyglot Notebooks conventions: <c>#!csharp</c>
/// cell magics and the language kept in <c>polyglot_notebook</c> / <c>dotnet_interactive</c> metadata.
/// A cell in any other language is a <see cref="CollabInsightsException"/> naming the cell.
/// </summary>
internal static class CellSource
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs", ".net-csharp" };

    private static readonly HashSet<string> OtherLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "fs", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md", "sql", "kql",
        "mermaid", "http", "value", "python", "r", "vscode", "typescript", "ts",
    };

    /// <summary>Magics with no effect on results that Polyglot notebooks often carry; dropped.</summary>
    private static readonly HashSet<string> IgnoredMagics = new(StringComparer.OrdinalIgnoreCase) { "time", "about", "lsmagic", "who", "whos" };

    /// <summary>Names a cell for messages: its 1-based number and its id when present.</summary>
    public static string Describe(NotebookCell cell, int index) =>
        cell.Id is { Length: > 0 } id ? $"cell {index + 1} (id {id})" : $"cell {index + 1}";

    /// <summary>The notebook's default cell language (Polyglot metadata, else kernelspec language, else C#).</summary>
    public static string DefaultLanguage(NotebookDocument doc)
    {
        var md = doc.Metadata;
        return Str(md["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"])
            ?? Str(md["dotnet_interactive"]?["defaultKernelName"])
            ?? Str(md["kernelspec"]?["language"])
            ?? Str(md["language_info"]?["name"])
            ?? "csharp";
    }

    /// <summary>Returns the C# code of <paramref name="cell"/> with Polyglot magic lines removed, or throws naming the cell.</summary>
    public static string GetCSharp(NotebookDocument doc, NotebookCell cell, int index)
    {
        var language = Str(cell.Metadata["polyglot_notebook"]?["kernelName"])
            ?? Str(cell.Metadata["dotnet_interactive"]?["language"])
            ?? DefaultLanguage(doc);
        return Strip(cell.Source, language, Describe(cell, index));
    }

    /// <summary>Strips magic lines, starting from <paramref name="language"/>; throws on a non-C# part.</summary>
    public static string Strip(string source, string language, string cellName)
    {
        var builder = new StringBuilder(source.Length);
        var lines = source.Split('\n');
        var lineNo = 0;
        CheckLanguage(language, cellName, null);
        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = trimmed[2..].Split(' ', 2)[0].Trim();
                if (CSharpNames.Contains(magic) || IgnoredMagics.Contains(magic))
                {
                    // Keep the line count so error line numbers match the cell as the user sees it.
                    builder.Append('\n');
                    continue;
                }

                if (OtherLanguages.Contains(magic))
                {
                    CheckLanguage(magic, cellName, lineNo);
                }

                throw new CollabInsightsException($"{cellName}, line {lineNo}: the Polyglot magic command '#!{magic}' is not supported. Remove it; only C# code runs here.");
            }

            if (trimmed.StartsWith("#i ", StringComparison.Ordinal) || trimmed.StartsWith("#i\"", StringComparison.Ordinal))
            {
                // '#i "nuget: source"' adds a package source in .NET Interactive; packages come from the local NuGet folder here.
                builder.Append('\n');
                continue;
            }

            builder.Append(raw);
            if (lineNo < lines.Length)
            {
                builder.Append('\n');
            }
        }

        return builder.ToString();
    }

    private static void CheckLanguage(string language, string cellName, int? line)
    {
        if (CSharpNames.Contains(language))
        {
            return;
        }

        var where = line is null ? cellName : $"{cellName}, line {line}";
        var known = OtherLanguages.Contains(language) ? "" : " (unknown language)";
        throw new CollabInsightsException($"{where} is written in '{language}'{known}; this engine runs only C#. Rewrite the cell in C# or remove it.");
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
