namespace CollabInsights.Kit;

/// <summary>
/// The front door of the kit, the way ML.NET's <c>MLContext</c> is one: create it once in a notebook or a program and
/// type <c>kit.</c> to find each capability. Its properties are catalogs, one per area (data sources, generated
/// scenarios, linking, anomalies, reconciliation, carbon, benchmarks, fit); each method of a catalog calls the
/// capability's static entry point, which stays available for finer control. The catalogs share the kit's
/// <see cref="Seed"/>, so every generated scenario and planted anomaly of one kit is reproducible.
/// </summary>
/// <example>
/// <code>
/// var kit = new CollabKit(seed: 42);
/// var books = await kit.Data.LoadIndigoAsync("data/indigo-2025-05");
/// var links = kit.Linking.Link(books.Value);
/// var flags = kit.Anomalies.Detect(books);
/// </code>
/// </example>
public sealed class CollabKit
{
    /// <summary>A kit whose generators use <paramref name="seed"/> (default 42, the seed of the README's examples).</summary>
    public CollabKit(int seed = 42)
    {
        Seed = seed;
        Data = new DataCatalog();
        Scenarios = new ScenarioCatalog(this);
        Linking = new LinkingCatalog();
        Anomalies = new AnomalyCatalog(this);
        Reconciliation = new ReconciliationCatalog();
        Carbon = new CarbonCatalog();
        Benchmarks = new BenchmarkCatalog(this);
        Fit = new FitCatalog();
    }

    /// <summary>The seed of every generator the catalogs run (scenarios, planted anomalies, benchmark records).</summary>
    public int Seed { get; }

    /// <summary>Sources: the INDIGO export, IATI/OCDS/360Giving files, carbon registry exports, any CSV.</summary>
    public DataCatalog Data { get; }

    /// <summary>Generated scenarios in the INDIGO layout, with planted chain differences and anomalies and their ground truth.</summary>
    public ScenarioCatalog Scenarios { get; }

    /// <summary>Funding linked to the outcomes it paid for, with tables and an offline report.</summary>
    public LinkingCatalog Linking { get; }

    /// <summary>Anomaly flags (rules and ML.NET), their scores, and planted anomalies to measure them on.</summary>
    public AnomalyCatalog Anomalies { get; }

    /// <summary>Two partners' books, or the chain and the books, reconciled record by record.</summary>
    public ReconciliationCatalog Reconciliation { get; }

    /// <summary>Carbon registries: double counting checks and zombie credits.</summary>
    public CarbonCatalog Carbon { get; }

    /// <summary>The blockchain-versus-database benchmark.</summary>
    public BenchmarkCatalog Benchmarks { get; }

    /// <summary>The blockchain fit assessment, from answers, requirements and measured numbers.</summary>
    public FitCatalog Fit { get; }
}
