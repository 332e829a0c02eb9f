using CollabInsights.Notebooks.Display;

namespace CollabInsights.Notebooks.Execution;

/// <summary>One output of a cell, as Jupyter models it (stream, display_data, execute_result, error).</summary>
public abstract record CellOutput;

/// <summary>Text a cell wrote to <c>Console.Out</c> (<c>stdout</c>) or <c>Console.Error</c> (<c>stderr</c>).</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A value shown with <c>display(x)</c>.</summary>
public sealed record DisplayDataOutput(MimeBundle Data) : CellOutput;

/// <summary>The value of the cell's trailing expression.</summary>
public sealed record ExecuteResultOutput(int ExecutionCount, MimeBundle Data) : CellOutput;

/// <summary>A compilation error, an exception, a timeout or an interrupt; <see cref="Traceback"/> names the cell and line.</summary>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
