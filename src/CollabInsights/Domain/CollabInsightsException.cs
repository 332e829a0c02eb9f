namespace CollabInsights;

/// <summary>
/// The one exception type the kit throws for problems a user can fix: its message says what
/// was wrong and how to fix it (a missing file, a wrong header, an unreachable endpoint), in the
/// library's terms (options and parameters by their property names, never a command-line flag);
/// <see cref="Code"/> says what kind of problem it is and <see cref="ParameterName"/> which option
/// was at fault, so a front end can map them to its own exit codes and flags.
/// </summary>
public sealed class CollabInsightsException : Exception
{
    /// <summary>An unclassified error (<see cref="CollabInsightsErrorCode.Unspecified"/>).</summary>
    public CollabInsightsException(string message) : base(message) { }

    /// <summary>An unclassified error (<see cref="CollabInsightsErrorCode.Unspecified"/>) caused by <paramref name="innerException"/>.</summary>
    public CollabInsightsException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>An error of kind <paramref name="code"/>; <paramref name="parameterName"/> names the option or parameter at fault, if one is (for example <c>ExtractionOptions.ToBlock</c>).</summary>
    public CollabInsightsException(CollabInsightsErrorCode code, string message, string? parameterName = null) : base(message)
    {
        Code = code;
        ParameterName = parameterName;
    }

    /// <summary>An error of kind <paramref name="code"/> caused by <paramref name="innerException"/>.</summary>
    public CollabInsightsException(CollabInsightsErrorCode code, string message, Exception innerException, string? parameterName = null) : base(message, innerException)
    {
        Code = code;
        ParameterName = parameterName;
    }

    /// <summary>What kind of problem this is (default <see cref="CollabInsightsErrorCode.Unspecified"/>).</summary>
    public CollabInsightsErrorCode Code { get; }

    /// <summary>The option or parameter at fault, as the library names it (<c>Type.Property</c> or a parameter name); null when no single one is.</summary>
    public string? ParameterName { get; }
}
