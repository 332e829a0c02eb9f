namespace CollabInsights;

/// <summary>
/// The one exception type the kit throws for problems a user can fix: its message says what
/// was wrong and how to fix it (a missing file, a wrong header, an unreachable endpoint).
/// </summary>
public sealed class CollabInsightsException : Exception
{
    public CollabInsightsException(string message) : base(message) { }

    public CollabInsightsException(string message, Exception innerException) : base(message, innerException) { }
}
