using System.Globalization;
using System.Text.Json;
using CollabInsights.Anomalies.Evaluation;
using CollabInsights.Anomalies.Ml;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Anomalies.Tests;

public class ExternalBenchmarkTests
{
    private static string Odds(string name) => Path.Combine(RepoPaths.Root, "data", "odds", name + ".mat");

    [Theory]
    [InlineData("glass")]       // written by Octave, uncompressed doubles
    [InlineData("pima")]        // written by MATLAB, zlib-compressed, uint8 labels
    [InlineData("letter")]      // uint8 features
    public async Task Mat_reader_reads_ODDS_files_as_scipy_does(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var data = LabelledDataset.Read(Odds(name));
        var script = "import sys, json, scipy.io\nd = scipy.io.loadmat(sys.argv[1])\nX, y = d['X'].astype(float), d['y'].astype(float)\n"
            + "print(json.dumps({'rows': X.shape[0], 'cols': X.shape[1], 'sum': float(X.sum()), 'first': X[0].tolist(), 'last': X[-1].tolist(), 'anomalies': int(y.sum())}))";
        using var scipy = JsonDocument.Parse(await DebianPython.RunAsync(ct, "-c", script, Odds(name)));
        var r = scipy.RootElement;
        Assert.Equal(r.GetProperty("rows").GetInt32(), data.Rows.Count);
        Assert.Equal(r.GetProperty("cols").GetInt32(), data.Features.Count);
        Assert.Equal(r.GetProperty("anomalies").GetInt32(), data.Anomalies);
        Assert.Equal(r.GetProperty("sum").GetDouble(), data.Rows.Sum(x => x.Sum()), 6);
        Assert.Equal(r.GetProperty("first").EnumerateArray().Select(v => v.GetDouble()), data.Rows[0]);
        Assert.Equal(r.GetProperty("last").EnumerateArray().Select(v => v.GetDouble()), data.Rows[^1]);
    }

    [Fact]
    public async Task Evaluate_dataset_prints_the_issue_s_json_for_any_labelled_CSV_and_an_ODDS_file()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory("external");
        var csv = Path.Combine(dir, "planted.csv");
        var planted = PlantedAnomalyGenerator.Generate(new PlantedAnomalyOptions(Seed: 3, Rows: 400, Strength: 8));
        await File.WriteAllLinesAsync(csv, [string.Join(',', planted.Features) + ",label", .. planted.Rows.Select((x, i) => string.Join(',', x.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + (planted.Labels[i] ? ",1" : ",0"))], ct);
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["anomalies", "evaluate", "--dataset", csv, Odds("wbc"), "--json"], output, new StringWriter(), ct);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.Equal(["datasets"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var datasets = doc.RootElement.GetProperty("datasets").EnumerateArray().ToList();
        Assert.Equal(["planted", "wbc"], datasets.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal([400, 378], datasets.Select(d => d.GetProperty("rows").GetInt32()));
        Assert.Equal([20, 21], datasets.Select(d => d.GetProperty("anomalies").GetInt32()));
        foreach (var d in datasets)
        {
            Assert.Equal(["name", "rows", "anomalies", "detectors"], d.EnumerateObject().Select(p => p.Name));
            var detectors = d.GetProperty("detectors").EnumerateArray().ToList();
            Assert.Equal(["mlnet", "isolation_forest"], detectors.Select(x => x.GetProperty("name").GetString()));
            foreach (var x in detectors)
            {
                Assert.Equal(["name", "roc_auc", "precision_at_k"], x.EnumerateObject().Select(p => p.Name));
                Assert.InRange(x.GetProperty("roc_auc").GetDouble(), 0.8, 1.0);
                Assert.InRange(x.GetProperty("precision_at_k").GetDouble(), 0, 1);
            }
        }
    }

    [Fact]
    public async Task A_CSV_with_a_word_among_the_features_fails_naming_its_row_and_column()
    {
        var ct = TestContext.Current.CancellationToken;
        var csv = Path.Combine(RepoPaths.NewTempDirectory("external"), "bad.csv");
        await File.WriteAllTextAsync(csv, "amount,count,label\n10.5,3,0\n12,many,1\n", ct);
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["anomalies", "evaluate", "--dataset", csv], new StringWriter(), error, ct);
        Assert.Equal(2, code);
        Assert.Contains("bad.csv row 2, column count: 'many' is not a number", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ranking_metrics_match_a_hand_count()
    {
        // Positives score 0.9 and 0.4; negatives 0.8, 0.3, 0.1: 5 of 6 pairs ordered right, and the top 2 hold one positive.
        var r = DatasetEvaluator.Measure("x", [0.9, 0.8, 0.4, 0.3, 0.1], [true, false, true, false, false]);
        Assert.Equal(5.0 / 6, r.RocAuc!.Value, 12);
        Assert.Equal(0.5, r.PrecisionAtK);
    }

    [Fact]
    public void Planted_rows_move_with_the_strength_while_every_other_row_stays_the_same()
    {
        var weak = PlantedAnomalyGenerator.Generate(new PlantedAnomalyOptions(Seed: 5, Rows: 500, Strength: 0));
        var strong = PlantedAnomalyGenerator.Generate(new PlantedAnomalyOptions(Seed: 5, Rows: 500, Strength: 6));
        Assert.Equal(weak.Labels, strong.Labels);
        Assert.Equal(25, strong.Anomalies);
        for (var i = 0; i < weak.Rows.Count; i++)
        {
            if (weak.Labels[i])
            {
                Assert.NotEqual(weak.Rows[i], strong.Rows[i]);
            }
            else
            {
                Assert.Equal(weak.Rows[i], strong.Rows[i]);
            }
        }
    }

    [Fact]
    public async Task The_strength_sweep_has_a_strength_where_neither_detector_finds_the_planted_rows_and_ours_leads_beyond_chance_where_they_are_subtle()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["anomalies", "evaluate", "--strengths", "0,4,8", "--seeds", "1", "--json"], output, new StringWriter(), ct);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        var rows = doc.RootElement.GetProperty("strengths").EnumerateArray().ToList();
        double Auc(int i, string name) => rows[i].GetProperty("detectors").EnumerateArray().Single(d => d.GetProperty("name").GetString() == name).GetProperty("roc_auc").GetDouble();
        Assert.True(Auc(0, "mlnet") < StrengthSweep.FindsAuc && Auc(0, "isolation_forest") < StrengthSweep.FindsAuc, output.ToString());
        var chance = rows[1].GetProperty("chance_se").GetDouble();
        Assert.Equal(Math.Sqrt(2001.0 / (12.0 * 100 * 1900)), chance, 12);
        Assert.True(Auc(1, "mlnet") - Auc(1, "isolation_forest") > 2 * chance, output.ToString());
        Assert.True(Auc(2, "mlnet") > 0.9, output.ToString());
        Assert.True(Auc(2, "mlnet") >= Auc(2, "isolation_forest"), output.ToString());
        Assert.Equal(0, doc.RootElement.GetProperty("not_found_up_to").GetDouble());
    }

    [Fact]
    public void The_per_cluster_covariance_member_finds_rows_that_break_their_group_s_feature_relations()
    {
        var data = PlantedAnomalyGenerator.Generate(new PlantedAnomalyOptions(Seed: 2, Strength: 4));
        double Auc(TabularDetectorOptions o) => DatasetEvaluator.Measure("mlnet", TabularAnomalyDetector.Score(data.Rows, o), data.Labels).RocAuc!.Value;
        var with = Auc(new TabularDetectorOptions(Seed: 2));
        var without = Auc(new TabularDetectorOptions(Seed: 2, LocalCovarianceClusters: 0));
        Assert.True(with - without > 0.05, $"with the member {with:0.000}, without {without:0.000}");
    }

    [Fact]
    public void A_random_ranking_s_standard_error_follows_Hanley_and_McNeil_and_shrinks_with_seeds()
    {
        Assert.Equal(0.5, StrengthSweep.ChanceStandardError(1, 1, 1), 12);
        Assert.Equal(0.25, StrengthSweep.ChanceStandardError(1, 1, 4), 12);
        Assert.True(double.IsNaN(StrengthSweep.ChanceStandardError(0, 10, 1)));
    }
}
