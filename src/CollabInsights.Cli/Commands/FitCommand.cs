using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Benchmarks;
using CollabInsights.Fit;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab fit</c>: does this collaboration need a blockchain? Walks three decision frameworks and the measured benchmark figures.</summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var answers = new Option<string?>("--answers") { Description = "JSON file with answers, requirements and optionally benchmark_results (a results.json path, relative to the answers file's folder). Without it, the questions are asked interactively." };
        var results = new Option<string?>("--results") { Description = "A benchmark results.json whose measured figures the assessment cites; a relative path resolves against the current directory. Overrides benchmark_results of the answers file, which is then not read." };
        var json = new Option<bool>("--json") { Description = "Print the recommendation as JSON." };
        var writers = new Option<string?>("--writers") { Description = "writers.json of `collab governance --out DIR`: the measured writer concentration the assessment cites." };
        var command = new Command("fit", "Blockchain fit assessment: Wüst & Gervais (2018), Pedersen, Risius & Beck (2019) ten steps and NIST IR 8202 §9, combined with your requirements and measured benchmark numbers; every reason is cited.")
        {
            answers, results, json, writers,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var console = CliCommand.ConsoleFor(output);
            FitInput input;
            BenchmarkRun? measured = null;
            if (parseResult.GetValue(answers) is { } file)
            {
                (input, measured) = await FitAssessment.LoadAsync(file, parseResult.GetValue(results), ct).ConfigureAwait(false);
            }
            else if (ReferenceEquals(output, Console.Out) && !Console.IsInputRedirected && !Console.IsOutputRedirected)
            {
                // Read the results before asking, so a wrong path does not throw the answers away.
                if (parseResult.GetValue(results) is { Length: > 0 } resultsPath)
                {
                    measured = await BenchmarkReport.ReadAsync(Path.GetFullPath(resultsPath), ct).ConfigureAwait(false);
                }

                input = Ask(AnsiConsole.Console);
            }
            else
            {
                throw new CollabInsightsException("No answers: pass --answers FILE.json (keys: answers, requirements, benchmark_results), or run `collab fit` in a terminal to be asked.");
            }

            var concentration = parseResult.GetValue(writers) is { } writersFile
                ? File.Exists(writersFile)
                    ? JsonSerializer.Deserialize<List<Governance.WriterConcentrationRow>>(await File.ReadAllTextAsync(writersFile, ct).ConfigureAwait(false), CliCommand.IndentedJson)
                    : throw new CollabInsightsException($"--writers {writersFile} does not exist. Write it with `collab governance --data DIR --out DIR` (writers.json).")
                : null;
            var recommendation = FitAssessment.Assess(input.Answers, input.Requirements, measured, concentration);
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(recommendation, FitAssessment.JsonOptions)).ConfigureAwait(false);
            }
            else
            {
                Render(console, recommendation);
            }

            return 0;
        });
        return command;
    }

    private static FitInput Ask(IAnsiConsole console)
    {
        var values = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var question in FitQuestion.All)
        {
            values[question.Key] = console.Confirm($"{Markup.Escape(question.Text)} [grey]({Markup.Escape(question.UsedBy)})[/]", defaultValue: false);
        }

        double? Number(string prompt) => console.Prompt(new TextPrompt<string>(prompt + " [grey](empty for none)[/]").AllowEmpty()) is { Length: > 0 } text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        var writes = Number("Peak writes per second needed?");
        var latency = Number("Acceptable seconds from submission to final?");
        var perYear = Number("Records per year?");
        var budget = Number("Budget for writing records, USD per year?");
        var erasure = console.Confirm("Must personal data be erasable on request (GDPR art. 17)?", defaultValue: true);
        return new FitInput
        {
            Answers = new FitAnswers
            {
                NeedsSharedState = values["needs_shared_state"],
                MultipleWriters = values["multiple_writers"],
                TrustedThirdPartyAvailable = values["trusted_third_party_available"],
                AllWritersKnown = values["all_writers_known"],
                AllWritersTrusted = values["all_writers_trusted"],
                PublicVerifiability = values["public_verifiability"],
                AccessRulesDiffer = values["access_rules_differ"],
                TransactionRulesStable = values["transaction_rules_stable"],
                NeedsImmutableLog = values["needs_immutable_log"],
                RecordsNeverUpdated = values["records_never_updated"],
                SensitiveDataOnLedger = values["sensitive_data_on_ledger"],
                NeedsDigitalAsset = values["needs_digital_asset"],
            },
            Requirements = new FitRequirements
            {
                WritesPerSecond = writes,
                AcceptableLatencySeconds = latency,
                RecordsPerYear = perYear is { } y ? (long)y : null,
                BudgetUsdPerYear = budget is { } b ? (decimal)b : null,
                ErasureOfPersonalDataRequired = erasure,
            },
        };
    }

    private static void Render(IAnsiConsole console, FitRecommendation r)
    {
        console.Write(new Rule("Blockchain fit").LeftJustified());
        console.WriteLine("Recommendation: " + r.Verdict);
        console.WriteLine(r.Summary);
        var frameworks = new Table().AddColumn("Framework").AddColumn("Outcome");
        frameworks.AddRow("Wüst & Gervais 2018", Markup.Escape(r.WustGervais));
        frameworks.AddRow("Pedersen, Risius & Beck 2019", Markup.Escape(r.PedersenRisiusBeck));
        frameworks.AddRow("NIST IR 8202 §9", Markup.Escape(r.Nist));
        console.Write(frameworks);
        var reasons = new Table().Title("Reasons").AddColumn("Source").AddColumn("Question or figure").AddColumn("Finding").AddColumn("Decisive");
        foreach (var reason in r.Reasons)
        {
            reasons.AddRow(Markup.Escape(reason.Source), Markup.Escape(reason.Step), Markup.Escape(reason.Finding), reason.Decisive ? "yes" : "");
        }

        console.Write(reasons);
    }
}
