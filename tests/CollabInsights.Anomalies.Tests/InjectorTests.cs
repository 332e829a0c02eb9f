using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Tests;

public class InjectorTests
{
    private static readonly CollabDataset Clean = SyntheticCollab.Build(11, 30);

    [Fact]
    public void Clean_synthetic_dataset_raises_no_rule_flag()
    {
        Assert.Empty(AnomalyRules.Run(Clean));
    }

    [Fact]
    public void Injector_labels_every_kind_and_each_label_points_at_an_existing_record()
    {
        var injected = AnomalyInjector.Inject(Clean, new AnomalyInjectorOptions(Seed: 5));
        Assert.Equal(AnomalyInjectorOptions.AllKinds.Order(), injected.Labels.Select(l => l.Kind).Distinct().Order());
        var d = injected.Dataset;
        var keys = d.Payments.Select(p => p.Provenance).Concat(d.Results.Select(r => r.Provenance)).Concat(d.Pricings.Select(p => p.Provenance)).Concat(d.Commitments.Select(c => c.Provenance))
            .Select(RecordKey.Of).ToHashSet();
        Assert.All(injected.Labels, l => Assert.Contains(l.RecordKey, keys));
        Assert.Equal(d.Payments.Count, d.Payments.Select(p => RecordKey.Of(p.Provenance)).Distinct().Count());
        Assert.True(d.Payments.Count > Clean.Payments.Count, "duplicates, splits and unbacked payments append rows");
    }

    [Fact]
    public void Injector_includes_the_subtle_cases()
    {
        var injected = AnomalyInjector.Inject(Clean, new AnomalyInjectorOptions(Seed: 5));
        var priced = injected.Labels.Where(l => l.Kind == FlagKinds.PriceOutlier).ToList();
        Assert.NotEmpty(priced);
        foreach (var label in priced)
        {
            var before = Clean.Pricings.Single(p => RecordKey.Of(p.Provenance) == label.RecordKey).PricePerUnit!.Value.Amount;
            var after = injected.Dataset.Pricings.Single(p => RecordKey.Of(p.Provenance) == label.RecordKey).PricePerUnit!.Value.Amount;
            Assert.InRange(after / before, 1.49m, 3.01m);
        }

        var cap = injected.Labels.First(l => l.Kind == FlagKinds.PaymentExceedsCommitment && l.Subtle);
        var commitment = injected.Dataset.Commitments.Single(c => RecordKey.Of(c.Provenance) == cap.RecordKey);
        var paid = injected.Dataset.Payments.Where(p => p.ProjectId == commitment.ProjectId && p.PayerId == commitment.OrganisationId && p.Type == PaymentType.Actual).Sum(p => p.Amount!.Value.Amount);
        Assert.InRange(paid / commitment.MaxPotentialPayment!.Value.Amount, 1.02m, 1.09m);
        var split = injected.Labels.Where(l => l.Kind == FlagKinds.SplitPayment).Select(l => injected.Dataset.Payments.Single(p => RecordKey.Of(p.Provenance) == l.RecordKey)).ToList();
        Assert.All(split, p => Assert.InRange(p.Amount!.Value.Amount, 90_000m, 99_999.99m));
    }

    [Fact]
    public void Same_seed_gives_the_same_labels_and_another_seed_different_ones()
    {
        var a = AnomalyInjector.Inject(Clean, new AnomalyInjectorOptions(Seed: 3));
        var b = AnomalyInjector.Inject(Clean, new AnomalyInjectorOptions(Seed: 3));
        var c = AnomalyInjector.Inject(Clean, new AnomalyInjectorOptions(Seed: 4));
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Labels.Select(l => l.RecordKey), c.Labels.Select(l => l.RecordKey));
    }

    [Fact]
    public void Rate_and_kinds_control_how_much_is_injected()
    {
        var few = AnomalyInjector.Inject(Clean, new AnomalyInjectorOptions(Seed: 2, Rate: 0.01, Kinds: [FlagKinds.DuplicatePayment]));
        var many = AnomalyInjector.Inject(Clean, new AnomalyInjectorOptions(Seed: 2, Rate: 0.2, Kinds: [FlagKinds.DuplicatePayment]));
        Assert.All(few.Labels, l => Assert.Equal(FlagKinds.DuplicatePayment, l.Kind));
        Assert.True(many.Labels.Count > few.Labels.Count * 5, $"{many.Labels.Count} vs {few.Labels.Count}");
        Assert.Throws<CollabInsightsException>(() => AnomalyInjector.Inject(Clean, new AnomalyInjectorOptions(Kinds: ["no_such_kind"])));
    }
}
