using System.Xml.Linq;
using CollabInsights.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CollabInsights.Notebooks.Kernel.Internal;

/// <summary>Completion and inspection from Roslyn's semantic model of the session state plus the cell being edited.</summary>
internal static class CodeAssistance
{
    /// <summary>Names that can complete the identifier at <paramref name="cursor"/>: members after a dot, symbols in scope otherwise.</summary>
    public static (IReadOnlyList<string> Matches, int Start, int End) Complete(CSharpSession session, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }

        var prefix = code[start..cursor];
        var (model, tree) = Model(session, code);
        var root = tree.GetRoot();
        IEnumerable<ISymbol> symbols;
        if (start > 0 && code[start - 1] == '.')
        {
            var token = root.FindToken(start - 1);
            var expression = token.Parent switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                QualifiedNameSyntax qualified => qualified.Left,
                _ => null,
            };
            if (expression is null)
            {
                return ([], start, cursor);
            }

            var symbolInfo = model.GetSymbolInfo(expression).Symbol;
            if (symbolInfo is INamespaceOrTypeSymbol container && symbolInfo is not ILocalSymbol)
            {
                symbols = model.LookupSymbols(start, container);
                if (container is ITypeSymbol)
                {
                    symbols = symbols.Where(s => s.IsStatic);
                }
            }
            else if (model.GetTypeInfo(expression).Type is { } type)
            {
                symbols = model.LookupSymbols(start, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { ReducedFrom: not null });
            }
            else
            {
                symbols = [];
            }
        }
        else
        {
            symbols = model.LookupSymbols(start);
        }

        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .Concat(prefix.Length > 0 && !(start > 0 && code[start - 1] == '.') ? SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)) : [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(500)
            .ToList();
        return (matches, start, cursor);
    }

    /// <summary>The signature and summary of the symbol at <paramref name="cursor"/>, or null.</summary>
    public static string? Inspect(CSharpSession session, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var (model, tree) = Model(session, code);
        var token = tree.GetRoot().FindToken(Math.Max(0, Math.Min(cursor, code.Length - 1)));
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var symbol = model.GetSymbolInfo(node).Symbol ?? model.GetSymbolInfo(node).CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
            if (symbol is not null)
            {
                var text = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
                var xml = symbol.GetDocumentationCommentXml();
                if (!string.IsNullOrWhiteSpace(xml))
                {
                    try
                    {
                        var summary = XElement.Parse(xml).Element("summary")?.Value.Trim();
                        if (!string.IsNullOrEmpty(summary))
                        {
                            text += "\n\n" + string.Join(" ", summary.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
                        }
                    }
                    catch (System.Xml.XmlException)
                    {
                        // Malformed documentation: show the signature only.
                    }
                }

                return text;
            }

            if (node is StatementSyntax)
            {
                break;
            }
        }

        return null;
    }

    private static (SemanticModel Model, SyntaxTree Tree) Model(CSharpSession session, string code)
    {
        var compilation = session.CreateScript(code).GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        return (compilation.GetSemanticModel(tree), tree);
    }
}
