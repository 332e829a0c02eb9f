using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CollabInsights.Notebooks.Internal;

/// <summary>
/// Inserts <c>ScriptInterrupt.Check();</c> at the top of every loop body (while, do, for, foreach,
/// also inside lambdas and local functions) so a looping cell can be interrupted cooperatively.
/// Inserted text carries no line breaks: line numbers in errors stay those of the cell.
/// </summary>
internal sealed class InterruptCheckRewriter : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax CheckStatement =
        SyntaxFactory.ParseStatement("global::CollabInsights.Notebooks.Execution.ScriptInterrupt.Check();").WithoutTrivia();

    private int count;

    /// <summary>Returns the cell code with checks inserted, or the code unchanged when it has no loops.</summary>
    public static string Rewrite(string code, CSharpParseOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText(code, options);
        var root = tree.GetRoot();
        if (!root.DescendantNodes().Any(n => n is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax))
        {
            return code;
        }

        var rewriter = new InterruptCheckRewriter();
        var rewritten = rewriter.Visit(root);
        return rewriter.count == 0 ? code : rewritten.ToFullString();
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    private BlockSyntax Guard(StatementSyntax body)
    {
        count++;
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
