using CollabInsights.Domain;
using CollabInsights.Linking;

namespace CollabInsights.Kit;

/// <summary>Funding-to-outcome linking of <see cref="CollabKit.Linking"/>.</summary>
public sealed class LinkingCatalog
{
    internal LinkingCatalog()
    {
    }

    /// <summary>Links each funder to the outcomes it paid for, per project, metric and currency (<see cref="FundingLinker.Link"/>).</summary>
    /// <example><code>var links = kit.Linking.Link(load.Value); display(links.FundersFrame());</code></example>
    public FundingLinkResult Link(CollabDataset dataset, FundingLinkOptions? options = null) => FundingLinker.Link(dataset, options);

    /// <summary>Writes the offline HTML report and the CSV/Parquet tables of <paramref name="result"/> into <paramref name="directory"/> (<see cref="LinkReport.WriteAllAsync"/>).</summary>
    /// <example><code>var outputs = await kit.Linking.WriteAsync(links, "out/link");</code></example>
    public Task<LinkOutputs> WriteAsync(FundingLinkResult result, string directory, LinkReportOptions? options = null, CancellationToken cancellationToken = default) =>
        LinkReport.WriteAllAsync(result, directory, options, cancellationToken);
}
