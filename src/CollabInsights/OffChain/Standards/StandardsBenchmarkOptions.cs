namespace CollabInsights.OffChain.Standards;

/// <summary>Options of <see cref="StandardsBenchmark"/>.</summary>
public sealed record StandardsBenchmarkOptions
{
    /// <summary>Size of the generated IATI file in bytes (it ends at the first whole activity at or past it); default 1 GiB.</summary>
    public long SizeBytes { get; init; } = 1L << 30;

    /// <summary>The real IATI file whose activities are repeated (each copy with its own <c>iati-identifier</c>); default <c>data/iati-samples/activity-standard-example-annotated.xml</c> under the current folder.</summary>
    public string Sample { get; init; } = Path.Combine("data", "iati-samples", "activity-standard-example-annotated.xml");

    /// <summary>Folder for the generated file; default the system's temporary folder.</summary>
    public string? WorkFolder { get; init; }

    /// <summary>Keep the generated file after the run (default false: it is deleted).</summary>
    public bool KeepFile { get; init; }

    /// <summary>Rounds, each timing ours then the peer; the best time of each side is compared; default 1.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>The Python interpreter with lxml (Debian <c>python3-lxml</c>); default <c>/usr/bin/python3</c>.</summary>
    public string Python { get; init; } = "/usr/bin/python3";
}
