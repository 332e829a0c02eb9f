namespace CollabInsights.OffChain;

/// <summary>Progress of an INDIGO load: <paramref name="FilesDone"/> of <paramref name="FilesTotal"/> files parsed and validated; <paramref name="File"/> is the last one.</summary>
public sealed record IndigoLoadProgress(string File, int FilesDone, int FilesTotal);
