using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CollabInsights.Notebooks.Internal;

/// <summary>
/// Inserts <c>ScriptInterrupt.Check();</c> at the top of every loop body (while, do, for, foreach,
/// also inside lambdas and local functions) so a looping cell can be interrupted cooperatively.
/// Inserted text carries no line breaks: line numbers in errors stay those of the cell.
/// </summary>
internal static class InterruptCheckRewriter
{
    private static readonly StatementSyntax CheckStatement =
        SyntaxFactory.ParseStatement("global::CollabInsights.Notebooks.Execution.ScriptInterrupt.Check();").WithoutTrivia();

    /// <summary>Returns the cell code with checks inserted, or the code unchanged when it has no loops.</summary>
    public static string Rewrite(string code, CSharpParseOptions options)
    {
        var root = CSharpSyntaxTree.ParseText(code, options).GetRoot();
        var loops = root.DescendantNodes().Where(n => n is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax).ToList();
        if (loops.Count == 0)
        {
            return code;
        }

        // ReplaceNodes hands each loop over with its nested loops already guarded.
        return root.ReplaceNodes(loops, (_, loop) => loop switch
        {
            WhileStatementSyntax l => l.WithStatement(Guard(l.Statement)),
            DoStatementSyntax l => l.WithStatement(Guard(l.Statement)),
            ForStatementSyntax l => l.WithStatement(Guard(l.Statement)),
            CommonForEachStatementSyntax l => l.WithStatement(Guard(l.Statement)),
            _ => loop,
        }).ToFullString();
    }

    private static BlockSyntax Guard(StatementSyntax body)
    {
        if (body is BlockSyntax block)
        {
            return block.WithStatements(block.Statements.Insert(0, CheckStatement));
        }

        return SyntaxFactory.Block(CheckStatement, body)
            .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(body.GetLeadingTrivia()))
            .WithStatements(SyntaxFactory.List([CheckStatement, body.WithoutLeadingTrivia().WithoutTrailingTrivia()]))
            .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(body.GetTrailingTrivia()));
    }
}
