using CollabInsights.Carbon;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.OffChain.Standards;

namespace CollabInsights.Kit;

/// <summary>The sources of <see cref="CollabKit.Data"/>: each returns typed records with provenance and the problems found, never silently dropped rows.</summary>
public sealed class DataCatalog
{
    internal DataCatalog()
    {
    }

    /// <summary>Loads an INDIGO export (a folder or the zip) or a generated scenario (<see cref="IndigoSource.LoadAsync"/>).</summary>
    /// <example><code>var load = await kit.Data.LoadIndigoAsync("data/indigo-2025-05"); display(load.Problems);</code></example>
    public Task<LoadResult<CollabDataset>> LoadIndigoAsync(string path, IndigoLoadOptions? options = null, IProgress<IndigoLoadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        IndigoSource.LoadAsync(path, options, progress, cancellationToken);

    /// <summary>The headline figures of a loaded export, each with the rows behind it (<see cref="IndigoSummary.Compute"/>).</summary>
    /// <example><code>var summary = kit.Data.Summarise(await kit.Data.LoadIndigoAsync(path));</code></example>
    public IndigoSummary Summarise(LoadResult<CollabDataset> load) => IndigoSummary.Compute(load);

    /// <summary>Loads IATI activity XML, OCDS packages or 360Giving files, one file or a folder (<see cref="StandardsSource.LoadAsync"/>; the format is detected when null).</summary>
    /// <example><code>var iati = await kit.Data.LoadStandardsAsync("data/iati-samples/activity-standard-example-annotated.xml");</code></example>
    public Task<LoadResult<StandardsDataset>> LoadStandardsAsync(string path, StandardFormat? format = null, CancellationToken cancellationToken = default) =>
        StandardsSource.LoadAsync(path, format, cancellationToken);

    /// <summary>Loads carbon registry exports (OffsetsDB, CAD Trust, Toucan folders) into one dataset (<see cref="CarbonRegistryLoader.LoadAsync"/>).</summary>
    /// <example><code>var carbon = await kit.Data.LoadCarbonRegistriesAsync(["data/carbon-offsetsdb", "data/carbon-cadt"]);</code></example>
    public Task<LoadResult<CarbonDataset>> LoadCarbonRegistriesAsync(IEnumerable<string> roots, CancellationToken cancellationToken = default) =>
        CarbonRegistryLoader.LoadAsync(roots, cancellationToken);

    /// <summary>Reads any CSV file whole (RFC 4180, the kit's one reader; <see cref="CsvFile.ReadAsync"/>).</summary>
    /// <example><code>var csv = await kit.Data.ReadCsvAsync("out/demo/tables/funding_links.csv"); display(csv.Header);</code></example>
    public Task<CsvFile> ReadCsvAsync(string path, CancellationToken cancellationToken = default) => CsvFile.ReadAsync(path, cancellationToken);
}
