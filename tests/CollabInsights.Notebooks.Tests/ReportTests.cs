using System.IO.Compression;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

public sealed class ReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notebook_run_writes_executed_notebook_and_html_report_with_markdown_code_outputs_and_one_plotly()
    {
        var dir = RepoPaths.NewTempDirectory();
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["notebook", "run", ExternalTools.TestFile("Notebooks", "smoke.ipynb"), "--out", Path.Combine(dir, "out.ipynb"), "--html", Path.Combine(dir, "report.html"), "--param", "label=hi <there>"], output, output, Ct);
        Assert.True(code == 0, output.ToString());
        var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"), Ct);
        Assert.Contains("<h1 id=\"smoke-notebook\">Smoke notebook</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<em>small</em>", html, StringComparison.Ordinal);
        Assert.Contains("hi &lt;there&gt;: 1,4,9", html, StringComparison.Ordinal);
        Assert.Contains("Enumerable.Range(1, count)", html, StringComparison.Ordinal);
        Assert.Contains("<title>Smoke notebook</title>", html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "(function(define, exports, module)"));
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "out.ipynb")));
    }

    [Fact]
    public async Task Failing_cell_makes_the_run_exit_non_zero_and_allow_errors_runs_the_rest()
    {
        var dir = RepoPaths.NewTempDirectory();
        var nbs = Path.Combine(dir, "nbs");
        Directory.CreateDirectory(nbs);
        var doc = new Documents.NotebookDocument();
        doc.Cells.Add(new Documents.NotebookCell(Documents.CellKind.Code, "throw new Exception(\"first\");", "a"));
        doc.Cells.Add(new Documents.NotebookCell(Documents.CellKind.Code, "Console.WriteLine(\"second ran\");", "b"));
        doc.Save(Path.Combine(nbs, "b-fail.ipynb"));
        File.Copy(ExternalTools.TestFile("Notebooks", "smoke.ipynb"), Path.Combine(nbs, "a-smoke.ipynb"));

        var output = new StringWriter();
        Assert.Equal(1, await CollabCli.InvokeAsync(["notebook", "run", Path.Combine(nbs, "b-fail.ipynb"), "--out", Path.Combine(dir, "stopped.ipynb")], output, output, Ct));
        var stopped = Documents.NotebookDocument.Load(Path.Combine(dir, "stopped.ipynb"));
        Assert.Empty(stopped.Cells[1].Outputs);
        Assert.Contains("FAILED cell 1", output.ToString(), StringComparison.Ordinal);

        Assert.Equal(1, await CollabCli.InvokeAsync(["notebook", "run", Path.Combine(nbs, "b-fail.ipynb"), "--allow-errors", "--out", Path.Combine(dir, "all.ipynb")], output, output, Ct));
        var all = Documents.NotebookDocument.Load(Path.Combine(dir, "all.ipynb"));
        Assert.Single(all.Cells[1].Outputs);

        var folderOut = Path.Combine(dir, "executed");
        var dirOutput = new StringWriter();
        Assert.Equal(1, await CollabCli.InvokeAsync(["notebook", "run", nbs, "--out", folderOut], dirOutput, dirOutput, Ct));
        var log = dirOutput.ToString();
        Assert.True(log.IndexOf("a-smoke", StringComparison.Ordinal) < log.IndexOf("b-fail", StringComparison.Ordinal), log);
        Assert.Contains("1 of 2 notebooks ran without error", log, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folderOut, "a-smoke.ipynb")));
    }

    [Fact]
    public async Task Missing_notebook_exits_2_with_a_message()
    {
        var error = new StringWriter();
        Assert.Equal(2, await CollabCli.InvokeAsync(["notebook", "run", "/nonexistent/x.ipynb"], error, error, Ct));
        Assert.Contains("was not found", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_report_draws_its_chart_in_headless_chromium_without_errors()
    {
        ExternalTools.Require(ExternalTools.Chromium, "apt-get install chromium");
        var dir = RepoPaths.NewTempDirectory();
        var report = Path.Combine(dir, "report.html");
        var output = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["notebook", "run", ExternalTools.TestFile("Notebooks", "smoke.ipynb"), "--html", report], output, output, Ct));
        string[] Common(string profile) =>
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0", $"--user-data-dir={Path.Combine(dir, profile)}",
            "--virtual-time-budget=15000", "--window-size=1200,1600",
        ];
        var dom = ExternalTools.Run(ExternalTools.Chromium, [.. Common("p1"), "--dump-dom", new Uri(report).AbsoluteUri], TimeSpan.FromMinutes(2));
        Assert.True(dom.ExitCode == 0, dom.Error);
        Assert.Contains("main-svg", dom.Output, StringComparison.Ordinal);
        var consoleErrors = dom.Error.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) && (l.Contains("Uncaught", StringComparison.Ordinal) || l.Contains("Refused", StringComparison.Ordinal) || l.Contains("Error", StringComparison.Ordinal))).ToList();
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));

        var png = Path.Combine(dir, "shot.png");
        var shot = ExternalTools.Run(ExternalTools.Chromium, [.. Common("p2"), $"--screenshot={png}", new Uri(report).AbsoluteUri], TimeSpan.FromMinutes(2));
        Assert.True(File.Exists(png), shot.Error);
        var (distinct, nonWhite) = PixelStats(await File.ReadAllBytesAsync(png, Ct));
        Assert.True(distinct > 20 && nonWhite > 0.01, $"screenshot looks blank: {distinct} distinct colours, {nonWhite:P1} non-white");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Decodes an 8-bit RGB/RGBA PNG (undoing row filters) and measures how far it is from a blank page.</summary>
    private static (int Distinct, double NonWhite) PixelStats(byte[] png)
    {
        using var idat = new MemoryStream();
        int width = 0, height = 0, channels = 0;
        for (var pos = 8; pos + 8 <= png.Length;)
        {
            var length = ReadInt(png, pos);
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            if (type == "IHDR")
            {
                width = ReadInt(png, pos + 8);
                height = ReadInt(png, pos + 12);
                Assert.Equal(8, png[pos + 16]);
                channels = png[pos + 17] switch { 2 => 3, 6 => 4, var c => throw new InvalidOperationException($"PNG color type {c} not handled") };
            }
            else if (type == "IDAT")
            {
                idat.Write(png, pos + 8, length);
            }

            pos += 12 + length;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var data = raw.ToArray();
        var stride = width * channels;
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = data[(y * (stride + 1)) + 1 + x];
                int a = x >= channels ? pixels[(y * stride) + x - channels] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= channels && y > 0 ? pixels[((y - 1) * stride) + x - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidOperationException($"PNG filter {filter}"),
                };
                pixels[(y * stride) + x] = (byte)(value + predictor);
            }
        }

        var colours = new HashSet<int>();
        var nonWhite = 0;
        for (var i = 0; i + 2 < pixels.Length; i += channels)
        {
            colours.Add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
            if (pixels[i] < 0xF0 || pixels[i + 1] < 0xF0 || pixels[i + 2] < 0xF0)
            {
                nonWhite++;
            }
        }

        return (colours.Count, nonWhite / (double)(width * height));
    }

    private static int ReadInt(byte[] b, int pos) => (b[pos] << 24) | (b[pos + 1] << 16) | (b[pos + 2] << 8) | b[pos + 3];

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
