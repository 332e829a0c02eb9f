namespace CollabInsights.OffChain.Standards;

/// <summary>
/// One run of <see cref="StandardsBenchmark"/>: our streaming IATI reader against <c>lxml.etree.iterparse</c> over the same
/// generated file in the same run. Times are the best of <see cref="Rounds"/>; memory is each process's peak resident set.
/// </summary>
/// <param name="File">The generated file (deleted after the run unless kept).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Activities">Activities in it.</param>
/// <param name="Rounds">Rounds run.</param>
/// <param name="OursSeconds">Our best wall-clock time (StandardsSource.CountAsync: parse, map and validate every activity; no records kept).</param>
/// <param name="OursMegabytesPerSecond">File megabytes (10^6 bytes) per second at our best time.</param>
/// <param name="OursPeakWorkingSetBytes">Peak working set of our process (the whole process, runtime included).</param>
/// <param name="LxmlSeconds">The peer's best wall-clock time (iterparse on iati-activity end events, the same fields read, elements cleared).</param>
/// <param name="LxmlMegabytesPerSecond">File megabytes per second at the peer's best time.</param>
/// <param name="LxmlPeakRssBytes">Peak resident set of the Python process (ru_maxrss).</param>
/// <param name="Ratio">Ours divided by the peer's time: at most 1 means at least as fast.</param>
/// <param name="CountsAgree">Both sides counted the same activities, organisations, transactions, indicators, actuals, targets and baselines.</param>
/// <param name="Counts">Our counts.</param>
/// <param name="LxmlVersion">lxml's version.</param>
/// <param name="PythonVersion">Python's version.</param>
/// <param name="Dotnet">.NET's version.</param>
public sealed record StandardsBenchmarkResult(
    string File,
    long Bytes,
    int Activities,
    int Rounds,
    double OursSeconds,
    double OursMegabytesPerSecond,
    long OursPeakWorkingSetBytes,
    double LxmlSeconds,
    double LxmlMegabytesPerSecond,
    long LxmlPeakRssBytes,
    double Ratio,
    bool CountsAgree,
    StandardsCounts Counts,
    string LxmlVersion,
    string PythonVersion,
    string Dotnet);
