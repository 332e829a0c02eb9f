using System.Text;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace CollabInsights.Notebooks.Documents;

/// <summary>
/// Reads and writes Polyglot Notebooks' <c>.dib</c> files (plain text, one <c>#!kernel</c> line before each cell)
/// with <c>Microsoft.DotNet.Interactive.Documents</c>, converting to and from nbformat 4 notebooks.
/// </summary>
public static class DibConverter
{
    /// <summary>The file extension of a .dib document.</summary>
    public const string Extension = ".dib";

    /// <summary>Whether <paramref name="path"/> names a .dib file.</summary>
    public static bool IsDib(string path) => string.Equals(Path.GetExtension(path), Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads a .dib or .ipynb file as a notebook.</summary>
    public static NotebookDocument Load(string path) =>
        IsDib(path) ? FromDib(File.ReadAllText(path, Encoding.UTF8), path) : NotebookDocument.Load(path);

    /// <summary>Converts .dib text to an nbformat 4 notebook; cells keep their kernel in Polyglot metadata.</summary>
    public static NotebookDocument FromDib(string text, string origin = "dib")
    {
        var document = CodeSubmission.Parse(text, Kernels());
        var json = Notebook.ToJupyterJson(document, "csharp");
        var notebook = NotebookDocument.Parse(json, origin);
        notebook.EnsureCellIds();
        return notebook;
    }

    /// <summary>Converts a notebook to .dib text (outputs are not part of the format and are dropped).</summary>
    public static string ToDib(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var document = Notebook.Parse(notebook.ToJson(), Kernels());
        return CodeSubmission.ToCodeSubmissionContent(document, "\n");
    }

    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/> as .dib or .ipynb, by the extension.</summary>
    public static void Save(NotebookDocument notebook, string path)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        if (IsDib(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, ToDib(notebook), new UTF8Encoding(false));
        }
        else
        {
            notebook.Save(path);
        }
    }

    /// <summary>The kernels Polyglot Notebooks knew, so cells of any of them parse (only C# and the display languages run here).</summary>
    private static KernelInfoCollection Kernels()
    {
        var kernels = new KernelInfoCollection
        {
            new KernelInfo("csharp", "C#", ["c#", "cs"]),
            new KernelInfo("fsharp", "F#", ["f#", "fs"]),
            new KernelInfo("pwsh", "PowerShell", ["powershell"]),
            new KernelInfo("javascript", "JavaScript", ["js"]),
            new KernelInfo("html", "HTML", []),
            new KernelInfo("markdown", "Markdown", ["md"]),
            new KernelInfo("sql", "SQL", []),
            new KernelInfo("kql", "KQL", []),
            new KernelInfo("mermaid", "Mermaid", []),
            new KernelInfo("http", "HTTP", []),
            new KernelInfo("value", "value", []),
        };
        kernels.DefaultKernelName = "csharp";
        return kernels;
    }
}
