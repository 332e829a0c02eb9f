namespace CollabInsights.Notebooks.Execution;

/// <summary>Receives outputs while a cell runs (the kernel forwards them to Jupyter as they come).</summary>
public interface IExecutionObserver
{
    /// <summary>Called for each output as it is produced; stream outputs arrive in chunks (about every 100 ms).</summary>
    void OnOutput(CellOutput output);
}
