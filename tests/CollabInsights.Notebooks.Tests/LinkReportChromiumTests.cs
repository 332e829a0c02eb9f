using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

/// <summary>
/// Renders <c>collab link</c>'s report of the real INDIGO export in headless Chromium and reads back what a person sees:
/// the page's text, every chart's title, and the on-screen boxes of every SVG text (measured in the page by a script
/// added to a copy of the report).
/// </summary>
public sealed class LinkReportChromiumTests
{
    // Runs in the page after the charts are drawn: per chart, its titles, the texts that leave the chart's area, and the
    // labels (Sankey nodes, axis ticks) that overlap another label of the same kind. Written into <pre id="collab-measure">.
    private const string MeasureScript = """
        <script>
        window.addEventListener('load', function () { setTimeout(function () {
          var out = { charts: [] };
          function box(e) { var r = e.getBoundingClientRect(); return { l: r.left, t: r.top, r: r.right, b: r.bottom, w: r.width, h: r.height }; }
          document.querySelectorAll('div[id^="collab_chart_"]').forEach(function (gd) {
            var area = gd.querySelector('.svg-container');
            var c = { id: gd.id, drawn: !!area, titles: [], texts: 0, outside: [], overlaps: [] };
            out.charts.push(c);
            if (!area) { return; }
            var a = box(area);
            gd.querySelectorAll('.gtitle').forEach(function (t) { c.titles.push(t.textContent); });
            gd.querySelectorAll('svg text').forEach(function (t) {
              var s = t.textContent.trim();
              if (!s) { return; }
              var r = box(t);
              if (r.w === 0 && r.h === 0) { return; }
              c.texts++;
              if (r.l < a.l - 1 || r.r > a.r + 1 || r.t < a.t - 1 || r.b > a.b + 1) { c.outside.push(s); }
            });
            ['.sankey-node .node-label', '.ytick text', '.xtick text', '.gtitle'].forEach(function (sel) {
              var items = Array.prototype.map.call(gd.querySelectorAll(sel), function (t) { return { s: t.textContent, r: box(t) }; })
                .filter(function (x) { return x.s.trim() && x.r.w > 0; });
              for (var i = 0; i < items.length; i++) {
                for (var j = i + 1; j < items.length; j++) {
                  var p = items[i].r, q = items[j].r;
                  var w = Math.min(p.r, q.r) - Math.max(p.l, q.l), h = Math.min(p.b, q.b) - Math.max(p.t, q.t);
                  if (w > 1 && h > 1) { c.overlaps.push(items[i].s + ' | ' + items[j].s); }
                }
              }
            });
          });
          var pre = document.createElement('pre');
          pre.id = 'collab-measure';
          pre.textContent = JSON.stringify(out);
          document.body.appendChild(pre);
        }, 1500); });
        </script>
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Real_export_report_shows_every_currencys_paid_total_in_a_chart_and_no_label_leaves_its_chart()
    {
        ExternalTools.Require(ExternalTools.Chromium, "apt-get install chromium");
        var dir = RepoPaths.NewTempDirectory();
        var outDir = Path.Combine(dir, "link");
        var output = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["link", "--data", RepoPaths.IndigoData, "--out", outDir], output, output, Ct));

        // What each currency actually paid, summed straight from the payment rows (not from the linker's tables).
        var load = await IndigoSource.LoadAsync(RepoPaths.IndigoData, cancellationToken: Ct);
        var paid = load.Value.Payments.Where(p => p.Type == PaymentType.Actual && p.Amount is not null)
            .GroupBy(p => p.Amount!.Value.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Amount!.Value.Amount), StringComparer.Ordinal);
        var currencies = load.Value.Commitments.SelectMany(c => new[] { c.MaxPotentialPayment?.Currency, c.TotalPaymentsMade?.Currency })
            .Concat(load.Value.Payments.Where(p => p.Type != PaymentType.Unspecified).Select(p => p.Amount?.Currency))
            .Concat(Linking.FundingLinker.Link(load.Value).Funders.Select(f => f.Currency))
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("GBP", currencies);
        Assert.True(paid["GBP"] > 100_000_000m, "the export's GBP payments: " + paid["GBP"]);

        // A copy of the report with the measuring script, allowed by adding its hash to the report's own policy (which stays in force).
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"), Ct);
        var measureBody = MeasureScript[(MeasureScript.IndexOf('>', StringComparison.Ordinal) + 1)..MeasureScript.LastIndexOf("</script>", StringComparison.Ordinal)];
        Assert.Contains("script-src 'sha256-", html, StringComparison.Ordinal);
        html = html.Replace("script-src ", "script-src " + CollabInsights.Reporting.ContentSecurityPolicy.HashSource(measureBody) + " ", StringComparison.Ordinal);
        var measured = Path.Combine(dir, "measured.html");
        await File.WriteAllTextAsync(measured, html.Replace("</body>", MeasureScript + "</body>", StringComparison.Ordinal), Ct);

        string[] Common(string profile, int height) =>
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0", $"--user-data-dir={Path.Combine(dir, profile)}",
            "--virtual-time-budget=30000", $"--window-size=1200,{height}",
        ];
        var dom = ExternalTools.Run(ExternalTools.Chromium, [.. Common("p1", 1600), "--dump-dom", new Uri(measured).AbsoluteUri], TimeSpan.FromMinutes(4));
        Assert.True(dom.ExitCode == 0, dom.Error);
        var consoleErrors = dom.Error.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) && (l.Contains("Uncaught", StringComparison.Ordinal) || l.Contains("Error", StringComparison.Ordinal) || l.Contains("Refused", StringComparison.Ordinal))).ToList();
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
        var json = Regex.Match(dom.Output, "<pre id=\"collab-measure\">(.*?)</pre>", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        Assert.True(json.Success, "the measuring script did not run; the page's DOM starts: " + dom.Output[..Math.Min(2000, dom.Output.Length)]);
        using var measure = JsonDocument.Parse(WebUtility.HtmlDecode(json.Groups[1].Value));
        var charts = measure.RootElement.GetProperty("charts").EnumerateArray().ToList();

        // The page's text: the GBP total paid, with thousands separators, in the totals table.
        var text = WebUtility.HtmlDecode(Regex.Replace(dom.Output, "<[^>]+>", " "));
        Assert.Contains(MoneyFormat.Amount(paid["GBP"], "GBP"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("(none)", text, StringComparison.Ordinal);

        // Every chart drew, and every currency has a chart whose title states its paid total.
        Assert.NotEmpty(charts);
        Assert.All(charts, c => Assert.True(c.GetProperty("drawn").GetBoolean() && c.GetProperty("texts").GetInt32() > 0, c.ToString()));
        var titles = charts.SelectMany(c => c.GetProperty("titles").EnumerateArray().Select(t => t.GetString()!)).ToList();
        foreach (var currency in currencies)
        {
            var expected = $"{currency}: {MoneyFormat.Format(paid.GetValueOrDefault(currency), currency)} paid";
            Assert.True(titles.Any(t => t.StartsWith(expected, StringComparison.Ordinal)), $"no chart title starts with '{expected}'. Titles:\n{string.Join("\n", titles)}");
        }

        // No text leaves its chart's area, and no two labels of one kind overlap.
        var outside = charts.SelectMany(c => c.GetProperty("outside").EnumerateArray().Select(s => c.GetProperty("id").GetString() + ": " + s.GetString())).ToList();
        Assert.True(outside.Count == 0, "texts outside their chart:\n" + string.Join("\n", outside));
        var overlaps = charts.SelectMany(c => c.GetProperty("overlaps").EnumerateArray().Select(s => c.GetProperty("id").GetString() + ": " + s.GetString())).ToList();
        Assert.True(overlaps.Count == 0, "overlapping labels:\n" + string.Join("\n", overlaps));

        // A screenshot of the page is not blank.
        var png = Path.Combine(dir, "shot.png");
        var shot = ExternalTools.Run(ExternalTools.Chromium, [.. Common("p2", 4000), $"--screenshot={png}", new Uri(Path.Combine(outDir, "report.html")).AbsoluteUri], TimeSpan.FromMinutes(4));
        Assert.True(File.Exists(png) && new FileInfo(png).Length > 50_000, shot.Error);
    }
}
