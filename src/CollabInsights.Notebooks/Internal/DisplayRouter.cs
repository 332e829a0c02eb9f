using CollabInsights.Notebooks.Display;
using CollabInsights.Notebooks.Execution;
using Microsoft.DotNet.Interactive.Formatting;

namespace CollabInsights.Notebooks.Internal;

/// <summary>
/// Receives what .NET Interactive's display API raises (<c>x.Display()</c>, <c>x.DisplayAs(...)</c>,
/// <c>DisplayedValue.Update(y)</c>) and adds it to the outputs of the running cell, with its display id.
/// </summary>
/// <remarks>
/// Formatting 1.0.0-beta.26120.1's <c>Display()</c> raises one <see cref="DisplayedValue"/> and returns another,
/// whose id differs; an update through the returned handle therefore carries an id never shown. Such an update
/// is taken to refer to the most recent display of the session that no handle claimed yet, and that handle keeps
/// referring to it. The kernel's own <c>display(x)</c>, and <c>x.Display()</c> on a typed receiver, do not need this.
/// </remarks>
internal static class DisplayRouter
{
    private static readonly object Gate = new();
    private static int installed;

    /// <summary>Subscribes to the Formatter's displayed values once per process.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 0)
        {
            Formatter.SubscribeToDisplayedValues(OnDisplayedValue);
        }
    }

    private static void OnDisplayedValue(DisplayedValue displayed)
    {
        var sink = ExecutionSink.Current;
        if (sink?.Displays is not { } tracker)
        {
            Formatter.WriteToConsole(displayed);
            return;
        }

        var bundle = MimeBundle.FromFormattedValues(displayed.Value, displayed.FormattedValues);
        lock (Gate)
        {
            if (!displayed.IsUpdated)
            {
                tracker.Shown(displayed.DisplayId, claimed: false);
                sink.Add(new DisplayDataOutput(bundle) { DisplayId = displayed.DisplayId });
            }
            else
            {
                sink.Add(new UpdateDisplayDataOutput(bundle, tracker.Resolve(displayed.DisplayId)));
            }
        }
    }
}
