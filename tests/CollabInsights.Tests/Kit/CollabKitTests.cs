using CollabInsights.Kit;

namespace CollabInsights.Tests.Kit;

public class CollabKitTests
{
    [Fact]
    public async Task The_kit_leads_from_a_written_scenario_to_links_flags_and_a_reconciliation()
    {
        var ct = TestContext.Current.CancellationToken;
        var kit = new CollabKit(seed: 7);
        var dir = Path.Combine(Path.GetTempPath(), "collab-kit-" + Guid.NewGuid().ToString("N"));
        try
        {
            var scenario = await kit.Scenarios.WriteAsync(dir, projects: 4, anomalyRate: 0.05, cancellationToken: ct);
            Assert.Equal(7, scenario.GroundTruth.Seed);
            Assert.NotEmpty(scenario.GroundTruth.Anomalies);

            var load = await kit.Data.LoadIndigoAsync(dir, cancellationToken: ct);
            Assert.Equal(4, load.Value.Projects.Count);

            var links = kit.Linking.Link(load.Value);
            Assert.Equal(
                load.Value.Payments.Where(p => p.Type == CollabInsights.Domain.PaymentType.Actual && p.Amount is not null).Sum(p => p.Amount!.Value.Amount),
                links.Links.Sum(l => l.PaidActual));

            var flags = kit.Anomalies.Detect(load);
            Assert.Contains(flags, f => scenario.GroundTruth.Anomalies.Any(a => f.File == a.File && f.Row == a.Row));

            var same = kit.Reconciliation.Reconcile(load.Value, load.Value);
            Assert.All(same.Counts, kv => Assert.True(kv.Key == CollabInsights.Reconciliation.ReconciliationClass.Matched || kv.Value == 0, $"{kv.Key}: {kv.Value}"));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Scenarios_of_one_kit_are_reproducible_and_another_seed_gives_another_scenario()
    {
        var a = new CollabKit(seed: 3).Scenarios.Generate(projects: 3);
        var b = new CollabKit(seed: 3).Scenarios.Generate(projects: 3);
        var c = new CollabKit(seed: 4).Scenarios.Generate(projects: 3);
        Assert.Equal(a.Files, b.Files);
        Assert.NotEqual(a.Files["projects.csv"], c.Files["projects.csv"]);
    }
}
