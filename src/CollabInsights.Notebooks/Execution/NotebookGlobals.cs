namespace CollabInsights.Notebooks.Execution;

/// <summary>
/// Members visible to every cell without qualification, as in Jupyter: <c>display(x)</c> shows a value
/// (table, chart or text) where the cell's outputs are.
/// </summary>
public sealed class NotebookGlobals
{
    private readonly CSharpSession session;

    internal NotebookGlobals(CSharpSession session)
    {
        this.session = session;
    }

    /// <summary>Shows <paramref name="value"/> as an output of the running cell: an HTML table for DataFrames and sequences of records, an interactive chart for Plotly charts, text otherwise.</summary>
#pragma warning disable IDE1006 // Jupyter's name for this function is lower case.
    public void display(object? value) => session.Display(value);
#pragma warning restore IDE1006
}
