using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CollabInsights.OffChain.Standards;

/// <summary>
/// <c>collab bench standards</c>: builds a large IATI activity file by repeating a real file's activities (each copy with its
/// own identifier), then times our streaming reader (<see cref="StandardsSource.CountAsync"/>) and Python's
/// <c>lxml.etree.iterparse</c> over the same file in the same run, with each side's peak memory, and checks that both
/// counted the same things.
/// </summary>
public static class StandardsBenchmark
{
    /// <summary>Runs the benchmark; <paramref name="progress"/> receives one line per step.</summary>
    public static async Task<StandardsBenchmarkResult> RunAsync(StandardsBenchmarkOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new StandardsBenchmarkOptions();
        if (!File.Exists(options.Python))
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.MissingPrerequisite, $"{options.Python} was not found: install Debian's python3 and python3-lxml (apt-get install python3-lxml), or name another interpreter in StandardsBenchmarkOptions.Python.", "StandardsBenchmarkOptions.Python");
        }

        if (!File.Exists(options.Sample))
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.NotFound, $"The IATI sample '{Path.GetFullPath(options.Sample)}' does not exist: run from the repository root or set StandardsBenchmarkOptions.Sample.", "StandardsBenchmarkOptions.Sample");
        }

        var folder = options.WorkFolder ?? Path.GetTempPath();
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"collab-iati-bench-{Guid.NewGuid():N}.xml");
        var script = Path.Combine(folder, $"collab-lxml-bench-{Guid.NewGuid():N}.py");
        try
        {
            progress?.Report($"generating {options.SizeBytes:N0} bytes of IATI XML from {options.Sample}");
            var (bytes, activities) = await GenerateAsync(options.Sample, file, options.SizeBytes, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(script, LxmlScript, cancellationToken).ConfigureAwait(false);

            double oursBest = double.MaxValue, peerBest = double.MaxValue;
            long peerRss = 0;
            StandardsCounts? counts = null;
            JsonNode? peer = null;
            for (var round = 1; round <= Math.Max(1, options.Rounds); round++)
            {
                progress?.Report($"round {round}: ours");
                var sw = Stopwatch.StartNew();
                var load = await StandardsSource.CountAsync(file, StandardFormat.Iati, cancellationToken).ConfigureAwait(false);
                sw.Stop();
                oursBest = Math.Min(oursBest, sw.Elapsed.TotalSeconds);
                counts = load.Value;

                progress?.Report($"round {round}: lxml.etree.iterparse");
                peer = await RunPeerAsync(options.Python, script, file, cancellationToken).ConfigureAwait(false);
                peerBest = Math.Min(peerBest, peer["seconds"]!.GetValue<double>());
                peerRss = Math.Max(peerRss, peer["max_rss_kb"]!.GetValue<long>() * 1024);
            }

            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var c = counts!;
            var p = peer!["counts"]!;
            var agree = c.Projects == p["activities"]!.GetValue<int>() && c.Organisations == p["organisations"]!.GetValue<int>()
                && c.Transactions == p["transactions"]!.GetValue<int>() && c.Indicators == p["indicators"]!.GetValue<int>()
                && c.Results == p["actuals"]!.GetValue<int>() && c.Targets == p["targets"]!.GetValue<int>() && c.Baselines == p["baselines"]!.GetValue<int>();
            double Mbps(double seconds) => Math.Round(bytes / 1e6 / seconds, 1);
            return new StandardsBenchmarkResult(
                file, bytes, activities, Math.Max(1, options.Rounds),
                Math.Round(oursBest, 3), Mbps(oursBest), self.PeakWorkingSet64,
                Math.Round(peerBest, 3), Mbps(peerBest), peerRss,
                Math.Round(oursBest / peerBest, 3), agree, c,
                peer["lxml"]!.GetValue<string>(), peer["python"]!.GetValue<string>(), Environment.Version.ToString());
        }
        finally
        {
            File.Delete(script);
            if (!options.KeepFile)
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Writes <paramref name="target"/>: the sample's activities repeated until the file reaches <paramref name="size"/> bytes, each copy's identifier suffixed with its copy number.</summary>
    internal static async Task<(long Bytes, int Activities)> GenerateAsync(string sample, string target, long size, CancellationToken ct)
    {
        var text = await File.ReadAllTextAsync(sample, ct).ConfigureAwait(false);
        var first = text.IndexOf("<iati-activity ", StringComparison.Ordinal) is var i && i >= 0 ? i : text.IndexOf("<iati-activity>", StringComparison.Ordinal);
        var last = text.LastIndexOf("</iati-activity>", StringComparison.Ordinal);
        if (first < 0 || last < 0)
        {
            throw new CollabInsightsException($"'{sample}' holds no <iati-activity> to repeat: pass an IATI activity XML file.");
        }

        var block = text[first..(last + "</iati-activity>".Length)];
        var perBlock = System.Text.RegularExpressions.Regex.Count(block, "<iati-activity[ >]");
        var parts = block.Split("</iati-identifier>");
        var rootOpen = text[..first];
        var rootClose = "\n</iati-activities>\n";
        var encoding = new UTF8Encoding(false);
        await using var stream = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        await using var writer = new StreamWriter(stream, encoding, 1 << 20);
        await writer.WriteAsync(rootOpen.AsMemory(), ct).ConfigureAwait(false);
        var activities = 0;
        var copy = 0;
        var sb = new StringBuilder(block.Length + 64);
        while (true)
        {
            await writer.FlushAsync(ct).ConfigureAwait(false);
            if (stream.Position >= size && copy > 0)
            {
                break;
            }

            copy++;
            sb.Clear();
            for (var k = 0; k < parts.Length; k++)
            {
                sb.Append(parts[k]);
                if (k < parts.Length - 1)
                {
                    sb.Append('-').Append(copy.ToString("D8", CultureInfo.InvariantCulture)).Append("</iati-identifier>");
                }
            }

            sb.Append('\n');
            await writer.WriteAsync(sb, ct).ConfigureAwait(false);
            activities += perBlock;
        }

        await writer.WriteAsync(rootClose.AsMemory(), ct).ConfigureAwait(false);
        await writer.FlushAsync(ct).ConfigureAwait(false);
        return (stream.Length, activities);
    }

    private static async Task<JsonNode> RunPeerAsync(string python, string script, string file, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(file);
        using var process = Process.Start(psi) ?? throw new CollabInsightsException($"Could not start {python}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var hint = errors.Contains("No module named 'lxml'", StringComparison.Ordinal) ? " Install python3-lxml (apt-get install python3-lxml)." : string.Empty;
            throw new CollabInsightsException($"The lxml benchmark failed (exit {process.ExitCode}): {errors.Trim()}{hint}");
        }

        return JsonNode.Parse(output) ?? throw new CollabInsightsException("The lxml benchmark printed no result.");
    }

    /// <summary>
    /// The peer: lxml.etree.iterparse on <c>iati-activity</c> end events, reading the same fields our reader maps (identifier,
    /// organisations by ref or narrative, transaction type, date, value and currency, indicator baselines, targets and
    /// actuals with their values), each activity cleared after use (the usual constant-memory idiom).
    /// </summary>
    internal const string LxmlScript = """
        import json, resource, sys, time, platform
        from lxml import etree

        def number(text):
            try:
                return float(text)
            except (TypeError, ValueError):
                return None

        def main(path):
            start = time.perf_counter()
            activities = transactions = indicators = actuals = targets = baselines = 0
            organisations = set()
            amount = 0.0
            for _, a in etree.iterparse(path, events=("end",), tag="iati-activity"):
                activities += 1
                a.findtext("iati-identifier")
                default_currency = a.get("default-currency")
                ro = a.find("reporting-org")
                if ro is not None and ro.get("ref"):
                    organisations.add(ro.get("ref"))
                for tag in ("participating-org",):
                    for o in a.iterfind(tag):
                        r = o.get("ref") or ("name:" + (o.findtext("narrative") or "").strip() if o.findtext("narrative") else None)
                        if r:
                            organisations.add(r)
                for t in a.iterfind("transaction"):
                    transactions += 1
                    tt = t.find("transaction-type")
                    if tt is not None:
                        tt.get("code")
                    d = t.find("transaction-date")
                    if d is not None:
                        d.get("iso-date")
                    v = t.find("value")
                    if v is not None:
                        n = number(v.text)
                        if n is not None:
                            amount += n
                        v.get("currency") or default_currency
                    for tag in ("provider-org", "receiver-org"):
                        o = t.find(tag)
                        if o is not None:
                            r = o.get("ref") or ("name:" + (o.findtext("narrative") or "").strip() if o.findtext("narrative") else None)
                            if r:
                                organisations.add(r)
                for i in a.iterfind("result/indicator"):
                    indicators += 1
                    i.findtext("title/narrative")
                    for b in i.iterfind("baseline"):
                        baselines += 1
                        number(b.get("value"))
                    for p in i.iterfind("period"):
                        ps = p.find("period-start")
                        if ps is not None:
                            ps.get("iso-date")
                        for x in p.iterfind("target"):
                            targets += 1
                            number(x.get("value"))
                        for x in p.iterfind("actual"):
                            actuals += 1
                            number(x.get("value"))
                a.clear()
                while a.getprevious() is not None:
                    del a.getparent()[0]
            seconds = time.perf_counter() - start
            print(json.dumps({
                "seconds": seconds,
                "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                "lxml": etree.__version__,
                "python": platform.python_version(),
                "counts": {"activities": activities, "organisations": len(organisations), "transactions": transactions,
                           "indicators": indicators, "actuals": actuals, "targets": targets, "baselines": baselines},
            }))

        main(sys.argv[1])
        """;
}
