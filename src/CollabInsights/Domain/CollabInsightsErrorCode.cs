namespace CollabInsights;

/// <summary>
/// What kind of problem a <see cref="CollabInsightsException"/> reports, for programs that react to it
/// (a command line maps each to an exit code, a notebook may retry or ask for another file). The names are
/// stable: compare against them, or print <c>Code.ToString()</c>.
/// </summary>
public enum CollabInsightsErrorCode
{
    /// <summary>Not classified (the code of exceptions made with a message only).</summary>
    Unspecified = 0,

    /// <summary>A file, folder or named item the call needs does not exist.</summary>
    NotFound,

    /// <summary>Input data is malformed: a wrong header, a value that does not parse, a file of another format.</summary>
    InvalidData,

    /// <summary>An option or parameter is out of its range or inconsistent with another (the exception's <see cref="CollabInsightsException.ParameterName"/> names it).</summary>
    InvalidArgument,

    /// <summary>A tool, package, server or setting the call needs is not installed or not configured (the message names the install step).</summary>
    MissingPrerequisite,

    /// <summary>A helper process (Python, Node, a peer tool) or service ran and failed.</summary>
    ExternalFailure,

    /// <summary>Stored or remote state disagrees with what the call expects: a checkpoint of another filter, a reorg deeper than kept, data that changed while read.</summary>
    InconsistentState,
}
