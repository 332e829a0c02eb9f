using System.CommandLine;
using System.Globalization;
using CollabInsights.OffChain;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab indigo landscape</c>: the impact-bond landscape by GO Lab's method, every figure with its rows and every rule stated.</summary>
internal static class IndigoLandscapeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The INDIGO export: a folder of CSV files or the official zip.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: each figure with the rows it came from, every rule with the rows it applied to." };
        var command = new Command("landscape", "Impact bonds, capital raised (total investment commitment: exact amount or range minimum) and its median, countries, the UK in GBP, stages and sectors, by GO Lab's method.")
        {
            data, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var landscape = await IndigoLandscape.ComputeAsync(parseResult.GetValue(data)!, ct).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(landscape.ToJson()).ConfigureAwait(false);
            }
            else
            {
                Render(CliCommand.ConsoleFor(output), landscape);
            }

            return 0;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, IndigoLandscape l)
    {
        static string N(decimal? d) => d is { } v ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "-";
        console.WriteLine(IndigoLandscape.Method);
        var figures = new Table().Title("Impact bond landscape").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn(new TableColumn("Rows").RightAligned());
        void Row(string name, LandscapeFigure f) => figures.AddRow(Markup.Escape(name), N(f.Value), f.Rows.Count.ToString(CultureInfo.InvariantCulture));
        Row("Impact bonds", l.ImpactBonds);
        Row("Projects with capital data (USD)", l.ProjectsWithCapitalUsd);
        Row("Capital raised, USD", l.CapitalRaisedUsd);
        Row("Median capital raised, USD", l.MedianCapitalUsd);
        Row("UK impact bonds", l.UkImpactBonds);
        Row("UK projects with capital data (GBP)", l.UkProjectsWithCapitalGbp);
        Row("UK capital raised, GBP", l.UkCapitalRaisedGbp);
        Row("UK median capital raised, GBP", l.UkMedianCapitalGbp);
        console.Write(figures);
        Groups(console, "Stage of development", l.Stages);
        Groups(console, "Policy sector", l.Sectors);
        Groups(console, "Countries (delivery locations)", l.Countries);
        var rules = new Table().Title("Rules applied").AddColumn("Rule").AddColumn(new TableColumn("Rows").RightAligned()).AddColumn("What it does");
        foreach (var r in l.Rules)
        {
            rules.AddRow(Markup.Escape(r.Name), r.Rows.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Description));
        }

        console.Write(rules);
        console.WriteLine($"{l.Problems.Count} problems; --json lists them and the rows behind every figure.");
    }

    private static void Groups(IAnsiConsole console, string title, IReadOnlyDictionary<string, LandscapeFigure> groups)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("Name").AddColumn(new TableColumn("Impact bonds").RightAligned());
        foreach (var (name, figure) in groups.OrderByDescending(kv => kv.Value.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(name), (figure.Value ?? 0m).ToString("0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
