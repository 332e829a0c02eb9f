namespace CollabInsights.Carbon;

/// <summary>Everything read from one or more registry folders, in one model: projects, issuances and credit blocks.</summary>
public sealed record CarbonDataset(
    IReadOnlyList<CarbonProject> Projects,
    IReadOnlyList<CarbonIssuance> Issuances,
    IReadOnlyList<CreditBlock> Blocks)
{
    /// <summary>A dataset with nothing in it.</summary>
    public static CarbonDataset Empty { get; } = new([], [], []);

    /// <summary>The registry folders that contributed at least one record, in <see cref="CarbonRegistries.All"/> order.</summary>
    public IReadOnlyList<string> Registries =>
        CarbonRegistries.All.Where(r => Projects.Any(p => p.Registry == r) || Issuances.Any(i => i.Registry == r) || Blocks.Any(b => b.Registry == r)).ToList();

    /// <summary>This dataset and <paramref name="other"/> together.</summary>
    public CarbonDataset Concat(CarbonDataset other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new CarbonDataset([.. Projects, .. other.Projects], [.. Issuances, .. other.Issuances], [.. Blocks, .. other.Blocks]);
    }
}
