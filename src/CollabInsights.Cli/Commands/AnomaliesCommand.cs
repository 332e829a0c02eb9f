using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Anomalies.Evaluation;
using CollabInsights.Anomalies.Ml;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab anomalies</c>: flags from the rules and the ML detector; <c>anomalies evaluate</c>: measured precision and recall.</summary>
internal static class AnomaliesCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("anomalies", "Flag anomalous payments, results and prices with named rules and an ML.NET detector.");
        command.Subcommands.Add(CreateEvaluate());
        return command;
    }

    private static Command CreateEvaluate()
    {
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds of synthetic labelled scenarios (default 1,2,3).", DefaultValueFactory = _ => "1,2,3" };
        var projects = new Option<int>("--projects") { Description = "Projects per synthetic scenario (default 40).", DefaultValueFactory = _ => 40 };
        var rate = new Option<double>("--rate") { Description = "Injected anomalies as a share of actual payments (default 0.05).", DefaultValueFactory = _ => 0.05 };
        var noPeer = new Option<bool>("--no-isolation-forest") { Description = "Skip the scikit-learn IsolationForest comparison." };
        var json = new Option<bool>("--json") { Description = "Print the evaluation as JSON." };
        var clusters = new Option<int>("--clusters") { Description = "k-means clusters of the ML detector (default 6).", DefaultValueFactory = _ => 6 };
        var command = new Command("evaluate", "Inject labelled anomalies into seeded scenarios and print precision, recall and F1 per rule kind, and ROC AUC and precision at k for the ML detector and IsolationForest.");
        command.Options.Add(seeds);
        command.Options.Add(projects);
        command.Options.Add(rate);
        command.Options.Add(noPeer);
        command.Options.Add(json);
        command.Options.Add(clusters);
        command.SetAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            try
            {
                var seedList = ParseSeeds(parseResult.GetValue(seeds)!);
                var options = new AnomalyEvaluatorOptions(Ml: new MlDetectorOptions(Clusters: parseResult.GetValue(clusters)), RunIsolationForest: !parseResult.GetValue(noPeer));
                var runs = new List<EvaluationRun>();
                foreach (var seed in seedList)
                {
                    runs.Add(await AnomalyEvaluator.EvaluateSeedAsync(seed, parseResult.GetValue(projects), parseResult.GetValue(rate), options, ct).ConfigureAwait(false));
                }

                if (parseResult.GetValue(json))
                {
                    output.WriteLine(JsonSerializer.Serialize(new { runs }, Json));
                }
                else
                {
                    output.Write(EvaluationText.Render(runs));
                }

                return 0;
            }
            catch (CollabInsightsException e)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    internal static int[] ParseSeeds(string text)
    {
        try
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (FormatException)
        {
            throw new CollabInsightsException($"--seeds '{text}' is not a list of integers; write for example --seeds 1,2,3.");
        }
    }
}
