using CollabInsights.Notebooks.Display;

namespace CollabInsights.Notebooks.Execution;

/// <summary>One output of a cell, as Jupyter models it (stream, display_data, update_display_data, execute_result, error).</summary>
public abstract record CellOutput;

/// <summary>Text a cell wrote to <c>Console.Out</c> (<c>stdout</c>) or <c>Console.Error</c> (<c>stderr</c>).</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A value shown with <c>display(x)</c> or <c>x.Display()</c>; <see cref="DisplayId"/> lets a later update replace it.</summary>
public sealed record DisplayDataOutput(MimeBundle Data) : CellOutput
{
    /// <summary>Jupyter's <c>transient.display_id</c>: the id a <c>DisplayedValue.Update</c> refers to; null when none.</summary>
    public string? DisplayId { get; init; }
}

/// <summary>
/// <c>DisplayedValue.Update(y)</c>: replaces, wherever it is shown, the display with <see cref="DisplayId"/>
/// (Jupyter's update_display_data; in an executed notebook file the earlier output is rewritten in place).
/// </summary>
public sealed record UpdateDisplayDataOutput(MimeBundle Data, string DisplayId) : CellOutput;

/// <summary>The value of the cell's trailing expression.</summary>
public sealed record ExecuteResultOutput(int ExecutionCount, MimeBundle Data) : CellOutput;

/// <summary>A compilation error, an exception, a timeout or an interrupt; <see cref="Traceback"/> names the cell and line.</summary>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
