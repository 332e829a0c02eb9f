namespace CollabInsights.Anomalies.Evaluation;

/// <summary>One numeric matrix of a MAT-file (<see cref="MatFile"/>): its variable name, rows, columns and values in row-major order.</summary>
public sealed record MatMatrix(string Name, int Rows, int Columns, double[] Values)
{
    /// <summary>The value at row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public double this[int row, int column] => Values[(row * Columns) + column];
}
