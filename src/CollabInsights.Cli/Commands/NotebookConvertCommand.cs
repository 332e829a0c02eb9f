using System.CommandLine;
using CollabInsights.Notebooks.Documents;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab notebook convert x.dib --to ipynb</c> (and back): Polyglot's .dib files through Microsoft.DotNet.Interactive.Documents.</summary>
internal static class NotebookConvertCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("notebook") { Description = "A .dib or .ipynb file." };
        var to = new Option<string>("--to") { Description = "Target format: ipynb or dib.", Required = true };
        to.AcceptOnlyFromAmong("ipynb", "dib");
        var outOption = new Option<string?>("--out") { Description = "Where to write the result (default: beside the input, with the new extension)." };
        var command = new Command("convert", "Convert a Polyglot .dib file to .ipynb, or a .ipynb to .dib (outputs are not part of .dib).") { path, to, outOption };
        command.SetGuardedAction((parseResult, ct) =>
        {
            var input = parseResult.GetValue(path)!;
            if (!File.Exists(input))
            {
                throw new CollabInsightsException($"Notebook {input} was not found. Give a .dib or .ipynb file.");
            }

            var target = "." + parseResult.GetValue(to)!;
            var output = parseResult.GetValue(outOption) ?? Path.ChangeExtension(input, target);
            if (!string.Equals(Path.GetExtension(output), target, StringComparison.OrdinalIgnoreCase))
            {
                throw new CollabInsightsException($"--out {output} does not end in {target}; give a file name that matches --to.");
            }

            var notebook = DibConverter.Load(input);
            DibConverter.Save(notebook, output);
            parseResult.InvocationConfiguration.Output.WriteLine($"Wrote {output} ({notebook.Cells.Count} cells).");
            return Task.FromResult(0);
        });
        return command;
    }
}
