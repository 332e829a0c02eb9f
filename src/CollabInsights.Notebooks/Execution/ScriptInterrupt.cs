using System.ComponentModel;

namespace CollabInsights.Notebooks.Execution;

/// <summary>
/// The interrupt flag checked by cell code. The engine inserts a call to <see cref="Check"/> at the
/// top of every loop body of a cell, so a looping cell stops when interrupted or timed out.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ScriptInterrupt
{
    private static volatile bool requested;

    /// <summary>Whether an interrupt of the running cell was requested.</summary>
    public static bool IsRequested => requested;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the running cell was interrupted.</summary>
    public static void Check()
    {
        if (requested)
        {
            throw new OperationCanceledException("The cell was interrupted.");
        }
    }

    internal static void Request() => requested = true;

    internal static void Reset() => requested = false;
}
