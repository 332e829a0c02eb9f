using System.Text;

namespace CollabInsights.Notebooks.Internal;

/// <summary>
/// Replaces <c>Console.Out</c> and <c>Console.Error</c> once per process: text written while a cell
/// runs goes to that cell's <see cref="ExecutionSink"/>, anything else to the original writer.
/// Console redirection is process-global, which is why cells run one at a time per process.
/// </summary>
internal sealed class ConsoleRouter : TextWriter
{
    private static readonly object InstallGate = new();
    private static bool installed;

    private readonly string stream;
    private readonly TextWriter original;

    private ConsoleRouter(string stream, TextWriter original)
    {
        this.stream = stream;
        this.original = original;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public static void Install()
    {
        lock (InstallGate)
        {
            if (installed)
            {
                return;
            }

            Console.SetOut(new ConsoleRouter("stdout", Console.Out));
            Console.SetError(new ConsoleRouter("stderr", Console.Error));
            installed = true;
        }
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (ExecutionSink.Current is { } sink)
        {
            sink.Write(stream, value);
        }
        else
        {
            original.Write(value);
        }
    }

    public override void WriteLine(string? value) => Write((value ?? "") + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush()
    {
        if (ExecutionSink.Current is null)
        {
            original.Flush();
        }
    }
}
