using System.Globalization;
using System.Text;
using CollabInsights.Notebooks.Documents;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CollabInsights.Notebooks.Execution;

/// <summary>
/// Papermill-style parameters: the cell tagged <c>parameters</c> holds defaults; values given on the
/// command line become a new cell tagged <c>injected-parameters</c> right after it, written as typed
/// C# literals. Names must be C# identifiers and strings are escaped, so a value can never inject code.
/// </summary>
public static class NotebookParameters
{
    /// <summary>The tag of the cell holding default values.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell this class injects.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>
    /// Injects <paramref name="values"/> (name to text as typed on the command line) after the parameters
    /// cell (or at the top when there is none), replacing an earlier injected cell. The C# type of each value
    /// is that of the default in the parameters cell, else inferred (bool, int, long, double, string).
    /// Returns the injected cell, or null when <paramref name="values"/> is empty.
    /// </summary>
    public static NotebookCell? Inject(NotebookDocument notebook, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        notebook.Cells.RemoveAll(c => c.HasTag(InjectedTag));
        var index = notebook.Cells.FindIndex(c => c.Kind == CellKind.Code && c.HasTag(ParametersTag));
        var declared = index >= 0 ? DeclaredTypes(notebook.Cells[index].Source) : new Dictionary<string, string>();
        var source = new StringBuilder("// Parameters injected by `collab notebook run --param`.\n");
        foreach (var (name, text) in values)
        {
            var type = declared.GetValueOrDefault(name) ?? InferType(text);
            source.Append(Declaration(name, type, text)).Append('\n');
        }

        var cell = new NotebookCell(CellKind.Code, source.ToString().TrimEnd('\n'), notebook.NbFormatMinor >= 5 ? "injected-parameters" : null);
        cell.AddTag(InjectedTag);
        notebook.Cells.Insert(index + 1, cell);
        return cell;
    }

    /// <summary>
    /// Warnings for <paramref name="values"/> the notebook does not declare: names missing from its <c>parameters</c>
    /// cell, or one warning when it has no such cell. Papermill injects such values too, and warns the same way.
    /// </summary>
    public static IReadOnlyList<string> Warnings(NotebookDocument notebook, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return [];
        }

        var cell = notebook.Cells.Find(c => c.Kind == CellKind.Code && c.HasTag(ParametersTag));
        if (cell is null)
        {
            return [$"the notebook has no code cell tagged '{ParametersTag}', so --param values were injected at the top and override nothing"];
        }

        var declared = DeclaredTypes(cell.Source);
        return [.. values.Select(v => v.Key).Distinct(StringComparer.Ordinal).Where(n => !declared.ContainsKey(n))
            .Select(n => $"parameter '{n}' is not declared in the '{ParametersTag}' cell (it declares {(declared.Count == 0 ? "nothing" : string.Join(", ", declared.Keys.Order(StringComparer.Ordinal)))}); it was injected anyway")];
    }

    /// <summary>Parses <c>name=value</c> as given to <c>--param</c>.</summary>
    public static KeyValuePair<string, string> ParseAssignment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new CollabInsightsException($"Parameter '{text}' is not of the form name=value, e.g. --param year=2024.");
        }

        return new(text[..eq].Trim(), text[(eq + 1)..]);
    }

    /// <summary>A C# declaration <c>type name = literal;</c> for one parameter; throws when the name is not an identifier or the value does not fit the type.</summary>
    public static string Declaration(string name, string type, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.VarKeyword)
        {
            throw new CollabInsightsException($"Parameter name '{name}' is not a C# identifier; use letters, digits and underscores, starting with a letter.");
        }

        return $"{type} {name} = {Literal(type, value, name)};";
    }

    /// <summary>The C# literal of <paramref name="value"/> as <paramref name="type"/> (int, long, double, decimal, bool or string).</summary>
    public static string Literal(string type, string value, string name = "value")
    {
        ArgumentNullException.ThrowIfNull(value);
        var inv = CultureInfo.InvariantCulture;
        string Fail() => throw new CollabInsightsException($"Parameter {name}: '{value}' is not a valid {type}.");
        return type switch
        {
            "string" => SymbolDisplay.FormatLiteral(value, quote: true),
            "bool" => bool.TryParse(value.Trim(), out var b) ? (b ? "true" : "false") : Fail(),
            "int" => int.TryParse(value.Trim(), NumberStyles.Integer, inv, out var i) ? i.ToString(inv) : Fail(),
            "long" => long.TryParse(value.Trim(), NumberStyles.Integer, inv, out var l) ? l.ToString(inv) + "L" : Fail(),
            "decimal" => decimal.TryParse(value.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, inv, out var m) ? m.ToString(inv) + "m" : Fail(),
            "double" => double.TryParse(value.Trim(), NumberStyles.Float, inv, out var d) ? DoubleLiteral(d) : Fail(),
            _ => throw new CollabInsightsException($"Parameter {name} has type {type}; --param supports int, long, double, decimal, bool and string. Declare the default with one of these types in the parameters cell."),
        };
    }

    private static string DoubleLiteral(double d) =>
        double.IsNaN(d) ? "double.NaN"
        : double.IsPositiveInfinity(d) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(d) ? "double.NegativeInfinity"
        : d.ToString("R", CultureInfo.InvariantCulture) + "d";

    private static string InferType(string text)
    {
        var t = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (bool.TryParse(t, out _))
        {
            return "bool";
        }

        if (int.TryParse(t, NumberStyles.AllowLeadingSign, inv, out _))
        {
            return "int";
        }

        if (long.TryParse(t, NumberStyles.AllowLeadingSign, inv, out _))
        {
            return "long";
        }

        return double.TryParse(t, NumberStyles.Float, inv, out _) && t.Length > 0 && !t.Any(char.IsLetter) ? "double" : "string";
    }

    /// <summary>The declared C# type of each top-level variable of the parameters cell (var resolved from its literal).</summary>
    internal static Dictionary<string, string> DeclaredTypes(string source)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script)).GetRoot();
        foreach (var declaration in root.DescendantNodes().OfType<VariableDeclarationSyntax>()
                     .Where(d => d.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax }))
        {
            foreach (var variable in declaration.Variables)
            {
                var type = NormaliseType(declaration.Type.ToString());
                if (type == "var")
                {
                    type = variable.Initializer?.Value switch
                    {
                        LiteralExpressionSyntax literal => literal.Token.Value switch
                        {
                            string => "string",
                            bool => "bool",
                            int => "int",
                            long => "long",
                            double => "double",
                            decimal => "decimal",
                            _ => null,
                        },
                        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax negative } => negative.Token.Value switch
                        {
                            int => "int",
                            long => "long",
                            double => "double",
                            decimal => "decimal",
                            _ => null,
                        },
                        _ => null,
                    };
                }

                if (type is not null)
                {
                    result[variable.Identifier.ValueText] = type;
                }
            }
        }

        return result;
    }

    private static string NormaliseType(string type) => type.Replace("System.", "", StringComparison.Ordinal) switch
    {
        "Int32" => "int",
        "Int64" => "long",
        "Double" => "double",
        "Decimal" => "decimal",
        "Boolean" => "bool",
        "String" => "string",
        var other => other,
    };
}
