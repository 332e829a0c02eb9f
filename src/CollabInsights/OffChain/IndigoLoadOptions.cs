namespace CollabInsights.OffChain;

/// <summary>Options for <see cref="IndigoSource.LoadAsync"/>.</summary>
public sealed record IndigoLoadOptions
{
    /// <summary>The defaults: references are checked.</summary>
    public static IndigoLoadOptions Default { get; } = new();

    /// <summary>
    /// Check that project, organisation and fund ids referenced by other files exist (default true).
    /// When false, only missing required ids are reported.
    /// </summary>
    public bool CheckReferences { get; init; } = true;
}
