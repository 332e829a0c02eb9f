using System.Text;
using CollabInsights.Notebooks.Execution;

namespace CollabInsights.Notebooks.Internal;

/// <summary>
/// Collects the outputs of the running cell in order. Console text is buffered and flushed as stream
/// chunks (on a timer, before a display, at the end); consecutive chunks of one stream merge.
/// </summary>
internal sealed class ExecutionSink : IDisposable
{
    private static volatile ExecutionSink? current;

    private readonly object gate = new();
    private readonly List<CellOutput> outputs = [];
    private readonly IExecutionObserver? observer;
    private readonly StringBuilder pending = new();
    private readonly Timer timer;
    private string pendingName = "stdout";

    public ExecutionSink(IExecutionObserver? observer, DisplayTracker? displays = null, Func<object?, string[], Microsoft.DotNet.Interactive.Formatting.DisplayedValue>? display = null)
    {
        this.observer = observer;
        Displays = displays;
        Display = display;
        timer = new Timer(_ => Flush(), null, 100, 100);
    }

    /// <summary>The sink of the cell now running, or null.</summary>
    public static ExecutionSink? Current
    {
        get => current;
        set => current = value;
    }

    /// <summary>The display ids of the running session.</summary>
    public DisplayTracker? Displays { get; }

    /// <summary>The running session's <c>display(value, mimeTypes)</c>.</summary>
    public Func<object?, string[], Microsoft.DotNet.Interactive.Formatting.DisplayedValue>? Display { get; }

    public void Write(string stream, string text)
    {
        lock (gate)
        {
            if (pending.Length > 0 && pendingName != stream)
            {
                FlushLocked();
            }

            pendingName = stream;
            pending.Append(text);
        }
    }

    public void Add(CellOutput output)
    {
        lock (gate)
        {
            FlushLocked();
            outputs.Add(output);
            observer?.OnOutput(output);
        }
    }

    public void Flush()
    {
        lock (gate)
        {
            FlushLocked();
        }
    }

    public IReadOnlyList<CellOutput> Complete()
    {
        timer.Dispose();
        lock (gate)
        {
            FlushLocked();
            return outputs.ToArray();
        }
    }

    public void Dispose() => timer.Dispose();

    private void FlushLocked()
    {
        if (pending.Length == 0)
        {
            return;
        }

        var chunk = new StreamOutput(pendingName, pending.ToString());
        pending.Clear();
        if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == chunk.Name)
        {
            outputs[^1] = last with { Text = last.Text + chunk.Text };
        }
        else
        {
            outputs.Add(chunk);
        }

        observer?.OnOutput(chunk);
    }
}
