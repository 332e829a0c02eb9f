namespace CollabInsights.Anomalies.Ml;

/// <summary>Options of <see cref="TabularAnomalyDetector"/>; every default is stated.</summary>
/// <param name="Seed">Seed of ML.NET's k-means initialisation (default 1).</param>
/// <param name="Clusters">The k-means models of the ensemble, one per number of clusters (default 2, 4, 8 and 16).</param>
/// <param name="UseCentreDistance">Add the distance from the centre of the scaled data (one cluster) to the ensemble (default false).</param>
/// <param name="PcaRank">Rank of ML.NET's randomized PCA whose whitened projection (a Mahalanobis distance in the top components, components with less than a millionth of the largest variance left out) joins the ensemble; 0 leaves it out (default 64, capped at the number of features).</param>
/// <param name="RobustScaling">Scale by median and IQR (true) or by mean and standard deviation (false, default).</param>
public sealed record TabularDetectorOptions(
    int Seed = 1,
    IReadOnlyList<int>? Clusters = null,
    bool UseCentreDistance = false,
    int PcaRank = 64,
    bool RobustScaling = false)
{
    /// <summary>The k-means cluster counts in use: <see cref="Clusters"/> or 2, 4, 8, 16.</summary>
    public IReadOnlyList<int> ClusterCounts => Clusters ?? [2, 4, 8, 16];
}
