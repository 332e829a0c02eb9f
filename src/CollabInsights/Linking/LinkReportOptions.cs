using CollabInsights.Domain;

namespace CollabInsights.Linking;

/// <summary>Options of <see cref="LinkReport"/>.</summary>
public sealed record LinkReportOptions
{
    /// <summary>Page title; default "Funding to outcomes".</summary>
    public string Title { get; init; } = "Funding to outcomes";

    /// <summary>One line saying where the data came from (a path, "generated scenario, seed 42"); default none.</summary>
    public string? Source { get; init; }

    /// <summary>Rows shown per table in the page (the files hold every row); default 20.</summary>
    public int PreviewRows { get; init; } = 20;

    /// <summary>Problems found while loading the data, listed in the report and written as a table; default none.</summary>
    public IReadOnlyList<DataProblem> Problems { get; init; } = [];

    /// <summary>The defaults.</summary>
    public static LinkReportOptions Default { get; } = new();
}
