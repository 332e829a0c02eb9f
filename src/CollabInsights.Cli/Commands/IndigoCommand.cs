using System.CommandLine;
using System.Globalization;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab indigo</c>: the INDIGO impact bond export (summary, ingest benchmark).</summary>
internal static class IndigoCommand
{
    /// <summary>Problems listed in the table view before a "k more" line.</summary>
    private const int ProblemPreview = 25;

    public static Command Create()
    {
        var command = new Command("indigo", "Read the GO Lab INDIGO impact bond export (folder of CSV files or the zip as downloaded).");
        command.Subcommands.Add(CreateSummary());
        command.Subcommands.Add(BenchIngestCommand.Create());
        command.Subcommands.Add(IndigoLandscapeCommand.Create());
        return command;
    }

    private static Command CreateSummary()
    {
        var data = new Option<string>("--data") { Description = "The INDIGO export: a folder of CSV files or the official zip.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (snake_case keys, exact numbers) instead of tables." };
        var command = new Command("summary", "Load and validate the export; print headline figures and every invalid or normalised value with its file, row and column.")
        {
            data, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var load = await IndigoSource.LoadAsync(parseResult.GetValue(data)!, cancellationToken: ct).ConfigureAwait(false);
            var summary = IndigoSummary.Compute(load);
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(summary.ToJson()).ConfigureAwait(false);
            }
            else
            {
                Render(CliCommand.ConsoleFor(output), summary);
            }

            return 0;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, IndigoSummary s)
    {
        var figures = new Table().Title("INDIGO summary").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        figures.AddRow("Projects", s.Projects.ToString(CultureInfo.InvariantCulture));
        figures.AddRow("Outcome payment rows", s.OutcomePaymentRows.ToString(CultureInfo.InvariantCulture));
        figures.AddRow("  Actual", s.ActualPaymentRows.ToString(CultureInfo.InvariantCulture));
        figures.AddRow("  Planned", s.PlannedPaymentRows.ToString(CultureInfo.InvariantCulture));
        figures.AddRow("  Neither (type empty or unknown)", s.UnspecifiedPaymentRows.ToString(CultureInfo.InvariantCulture));
        figures.AddRow("Projects with actual payments", s.ProjectsWithActualPayments.ToString(CultureInfo.InvariantCulture));
        foreach (var (currency, amount) in s.ActualPaymentsByCurrency)
        {
            figures.AddRow(Markup.Escape($"Actual payments, {currency}"), MoneyFormat.Amount(amount, currency));
        }

        figures.AddRow("Max potential outcome payments (USD column of commitments)", MoneyFormat.Amount(s.MaxPotentialOutcomePaymentUsdTotal, "USD"));
        figures.AddRow("Invalid values", s.InvalidValues.Count.ToString(CultureInfo.InvariantCulture));
        figures.AddRow("Warnings (normalised values)", s.Warnings.Count.ToString(CultureInfo.InvariantCulture));
        console.Write(figures);
        RenderProblems(console, "Invalid values", s.InvalidValues);
        RenderProblems(console, "Warnings", s.Warnings);
    }

    private static void RenderProblems(IAnsiConsole console, string title, IReadOnlyList<DataProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var table = new Table().Title(Markup.Escape($"{title} ({problems.Count})"))
            .AddColumn("File").AddColumn(new TableColumn("Row").RightAligned()).AddColumn("Column").AddColumn("Value").AddColumn("Problem");
        foreach (var p in problems.Take(ProblemPreview))
        {
            var value = p.Value.Length > 40 ? p.Value[..37] + "..." : p.Value;
            table.AddRow(Markup.Escape(p.File), p.Row.ToString(CultureInfo.InvariantCulture), Markup.Escape(p.Column), Markup.Escape(value.ReplaceLineEndings(" ")), Markup.Escape(p.Message));
        }

        console.Write(table);
        if (problems.Count > ProblemPreview)
        {
            console.WriteLine($"... {problems.Count - ProblemPreview} more {title.ToLowerInvariant()}; use --json for the full list.");
        }
    }
}
