using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CollabInsights.Notebooks.Documents;

namespace CollabInsights.Notebooks.Internal;

/// <summary>
/// Splits a cell into what runs, following .NET Interactive's magic commands: <c>#!csharp</c> code, <c>#!html</c>,
/// <c>#!markdown</c> and <c>#!javascript</c> parts shown as such, and <c>#!time</c>, <c>#!about</c>, <c>#!lsmagic</c>,
/// <c>#!who</c>, <c>#!whos</c>, <c>#!set</c>, <c>#!value</c>, <c>#!share</c>. The starting language comes from the
/// cell's Polyglot metadata (<c>polyglot_notebook.kernelName</c>, <c>dotnet_interactive.language</c>). A part in another
/// language, or an unknown magic, is a <see cref="CollabInsightsException"/> naming the cell and line.
/// </summary>
internal static partial class CellSource
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs", ".net-csharp" };
    private static readonly HashSet<string> HtmlNames = new(StringComparer.OrdinalIgnoreCase) { "html" };
    private static readonly HashSet<string> MarkdownNames = new(StringComparer.OrdinalIgnoreCase) { "markdown", "md" };
    private static readonly HashSet<string> JavaScriptNames = new(StringComparer.OrdinalIgnoreCase) { "javascript", "js" };

    private static readonly HashSet<string> OtherLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "fs", "pwsh", "powershell", "sql", "kql", "mermaid", "http", "python", "r", "vscode", "typescript", "ts",
    };

    /// <summary>Every magic command this engine runs, for <c>#!lsmagic</c> and for the message about an unknown one.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Supported =
    [
        ("#!csharp", "C# code (also #!c#, #!cs); the default language"),
        ("#!html", "the rest of the cell is shown as HTML"),
        ("#!markdown", "the rest of the cell is shown as Markdown (also #!md)"),
        ("#!javascript", "the rest of the cell runs in the front end (also #!js)"),
        ("#!time", "reports the wall time of the rest of the cell"),
        ("#!about", "shows this kernel's name and version"),
        ("#!lsmagic", "lists the magic commands"),
        ("#!who", "lists the names of the variables defined so far"),
        ("#!whos", "shows the variables with their types and values"),
        ("#!set --name N --value V", "defines the C# variable N: a string V, or another variable with @csharp:x"),
        ("#!value --name N [--mime-type M]", "stores the rest of the cell as the string variable N (and shows it as M)"),
        ("#!share --from csharp|value N", "accepted: with one language every value is already shared"),
        ("#r \"nuget: Name, Version\"", "references a package from the local NuGet folder"),
        ("#r \"path.dll\"", "references an assembly"),
        ("#load \"file.csx\"", "runs a C# script file"),
        ("#i \"nuget: source\"", "accepted and reported as a no-op: package sources are not consulted offline"),
    ];

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

    /// <summary>The language a cell starts in: its Polyglot metadata, else the notebook's default.</summary>
    public static string Language(NotebookDocument doc, NotebookCell cell) =>
        Str(cell.Metadata["polyglot_notebook"]?["kernelName"])
            ?? Str(cell.Metadata["dotnet_interactive"]?["language"])
            ?? DefaultLanguage(doc);

    /// <summary>Returns the C# code of <paramref name="cell"/> with magic lines blanked, or throws naming the cell (C#-only cells).</summary>
    public static string GetCSharp(NotebookDocument doc, NotebookCell cell, int index) =>
        Strip(cell.Source, Language(doc, cell), Describe(cell, index));

    /// <summary>The C# code of a cell that holds only C#, magic lines blanked so line numbers stay; throws otherwise.</summary>
    public static string Strip(string source, string language, string cellName)
    {
        var parts = Parse(source, language, cellName);
        if (parts.Any(p => p.Kind != CellPartKind.CSharp))
        {
            throw new CollabInsightsException($"{cellName} holds more than C# code; run it with CSharpSession.ExecuteCellAsync.");
        }

        return parts.Count == 0 ? "" : string.Concat(parts.Select(p => p.Code));
    }

    /// <summary>Splits <paramref name="source"/> into parts, starting in <paramref name="language"/>.</summary>
    public static IReadOnlyList<CellPart> Parse(string source, string language, string cellName)
    {
        var lines = source.Split('\n');
        var parts = new List<CellPart>();
        var kind = KindOf(language, cellName, null);
        var start = 0; // first line of the current part
        var buffer = new StringBuilder();
        string? valueName = null;
        string? valueMime = null;

        void Close(int endExclusive)
        {
            if (kind == CellPartKind.CSharp)
            {
                // C# parts keep their line numbers: earlier lines become empty lines.
                var code = new StringBuilder().Append('\n', start).Append(buffer).ToString();
                if (buffer.ToString().Trim().Length > 0)
                {
                    parts.Add(new CellPart(CellPartKind.CSharp, code, start + 1));
                }
            }
            else if (kind == CellPartKind.Value)
            {
                parts.Add(new CellPart(kind, buffer.ToString().TrimEnd('\n', '\r'), start, valueMime) { Name = valueName });
                kind = CellPartKind.CSharp;
            }
            else if (buffer.Length > 0 || endExclusive > start)
            {
                parts.Add(new CellPart(kind, buffer.ToString().TrimEnd('\n', '\r'), start + 1));
            }

            buffer.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            var last = i == lines.Length - 1;
            if (kind == CellPartKind.CSharp && (trimmed.StartsWith("#i ", StringComparison.Ordinal) || trimmed.StartsWith("#i\"", StringComparison.Ordinal)))
            {
                Close(i);
                parts.Add(new CellPart(CellPartKind.PackageSource, trimmed[2..].Trim(), i + 1));
                start = i + 1;
                continue;
            }

            if (!trimmed.StartsWith("#!", StringComparison.Ordinal) || (kind is CellPartKind.Value && !IsLanguage(trimmed)))
            {
                buffer.Append(raw);
                if (!last)
                {
                    buffer.Append('\n');
                }

                continue;
            }

            var words = Words(trimmed[2..]);
            var magic = words.Count > 0 ? words[0] : "";
            var lineNo = i + 1;
            Close(i);
            start = i + 1;
            if (CSharpNames.Contains(magic) || HtmlNames.Contains(magic) || MarkdownNames.Contains(magic) || JavaScriptNames.Contains(magic) || OtherLanguages.Contains(magic))
            {
                kind = KindOf(magic, cellName, lineNo);
                continue;
            }

            switch (magic.ToLowerInvariant())
            {
                case "time":
                    parts.Add(new CellPart(CellPartKind.Time, "", lineNo));
                    break;
                case "about":
                    parts.Add(new CellPart(CellPartKind.About, "", lineNo));
                    break;
                case "lsmagic":
                    parts.Add(new CellPart(CellPartKind.ListMagics, "", lineNo));
                    break;
                case "who":
                    parts.Add(new CellPart(CellPartKind.Who, "", lineNo));
                    break;
                case "whos":
                    parts.Add(new CellPart(CellPartKind.Whos, "", lineNo));
                    break;
                case "set":
                    parts.Add(Set(words, cellName, lineNo, start));
                    break;
                case "share":
                    Share(words, cellName, lineNo);
                    break;
                case "value":
                    var name = Option(words, "--name") ?? throw new CollabInsightsException($"{cellName}, line {lineNo}: #!value needs --name, e.g. #!value --name data.");
                    RequireIdentifier(name, cellName, lineNo);
                    kind = CellPartKind.Value;
                    valueName = name;
                    valueMime = Option(words, "--mime-type");
                    break;
                default:
                    throw new CollabInsightsException(
                        $"{cellName}, line {lineNo}: the magic command '#!{magic}' is not supported here. Supported: "
                        + string.Join(", ", Supported.Select(s => s.Name.Split(' ')[0]).Distinct(StringComparer.Ordinal)) + ".");
            }
        }

        Close(lines.Length);
        return parts;
    }

    private static CellPart Set(List<string> words, string cellName, int lineNo, int nextLine)
    {
        var name = Option(words, "--name");
        var value = Option(words, "--value");
        if (name is null || value is null)
        {
            throw new CollabInsightsException($"{cellName}, line {lineNo}: #!set needs --name and --value, e.g. #!set --name year --value 2024 or --value @csharp:other.");
        }

        RequireIdentifier(name, cellName, lineNo);
        string expression;
        if (value.StartsWith('@'))
        {
            var reference = value[1..].Split(':', 2);
            if (reference.Length != 2 || !(CSharpNames.Contains(reference[0]) || reference[0].Equals("value", StringComparison.OrdinalIgnoreCase)))
            {
                throw new CollabInsightsException($"{cellName}, line {lineNo}: #!set --value {value} refers to another kernel; this engine runs only C#. Use @csharp:name.");
            }

            RequireIdentifier(reference[1], cellName, lineNo);
            expression = reference[1];
        }
        else
        {
            expression = Literal(value);
        }

        // One line, so the C# part after it keeps its line numbers.
        return new CellPart(CellPartKind.CSharp, new string('\n', lineNo - 1) + $"var {name} = {expression};", lineNo);
    }

    private static void Share(List<string> words, string cellName, int lineNo)
    {
        var from = Option(words, "--from");
        if (from is null || !(CSharpNames.Contains(from) || from.Equals("value", StringComparison.OrdinalIgnoreCase)))
        {
            throw new CollabInsightsException($"{cellName}, line {lineNo}: #!share --from {from ?? "(missing)"} names another kernel; this engine runs only C#, whose variables (and #!value's) are already visible.");
        }
    }

    /// <summary>A C# string literal of <paramref name="text"/>.</summary>
    public static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static void RequireIdentifier(string name, string cellName, int lineNo)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new CollabInsightsException($"{cellName}, line {lineNo}: '{name}' is not a C# variable name.");
        }
    }

    private static string? Option(List<string> words, string option)
    {
        var i = words.FindIndex(w => w.Equals(option, StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < words.Count ? words[i + 1] : null;
    }

    /// <summary>Splits a magic line into words; double quotes group.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (Match m in WordPattern().Matches(text))
        {
            words.Add(m.Groups["q"].Success ? m.Groups["q"].Value : m.Value);
        }

        return words;
    }

    private static bool IsLanguage(string trimmed)
    {
        var magic = Words(trimmed[2..]).FirstOrDefault() ?? "";
        return CSharpNames.Contains(magic) || HtmlNames.Contains(magic) || MarkdownNames.Contains(magic) || JavaScriptNames.Contains(magic) || OtherLanguages.Contains(magic);
    }

    private static CellPartKind KindOf(string language, string cellName, int? line)
    {
        if (CSharpNames.Contains(language))
        {
            return CellPartKind.CSharp;
        }

        if (HtmlNames.Contains(language))
        {
            return CellPartKind.Html;
        }

        if (MarkdownNames.Contains(language))
        {
            return CellPartKind.Markdown;
        }

        if (JavaScriptNames.Contains(language))
        {
            return CellPartKind.JavaScript;
        }

        var where = line is null ? cellName : $"{cellName}, line {line}";
        var known = OtherLanguages.Contains(language) ? "" : " (unknown language)";
        throw new CollabInsightsException($"{where} is written in '{language}'{known}; this engine runs C# (and shows #!html, #!markdown and #!javascript parts). Rewrite the cell in C# or remove it.");
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    [GeneratedRegex("\"(?<q>[^\"]*)\"|\\S+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
