namespace CollabInsights.Anomalies.Evaluation;

/// <summary>Options of <see cref="PlantedAnomalyGenerator"/>; every default is stated.</summary>
/// <param name="Seed">Seed of the clusters, the normal rows, the rows chosen as anomalies and their directions (default 1).</param>
/// <param name="Rows">Rows in the table, anomalies included (default 2000).</param>
/// <param name="Features">Numeric features per row (default 8).</param>
/// <param name="Clusters">Groups of normal behaviour, each a correlated Gaussian with its own centre and rotation (default 3).</param>
/// <param name="AnomalyShare">Share of rows planted as anomalies (default 0.05).</param>
/// <param name="Strength">
/// How far a planted row is moved from where its group would have put it, in standard deviations of the group along the direction it
/// is moved (default 4). The direction lies in the half of the group's axes with the least spread, so a moved row keeps each
/// feature inside its ordinary range while breaking the features' relation: at 0 it is an ordinary row; at 1-2 it is within the
/// normal variation; from about 4 it stands out.
/// </param>
public sealed record PlantedAnomalyOptions(int Seed = 1, int Rows = 2000, int Features = 8, int Clusters = 3, double AnomalyShare = 0.05, double Strength = 4);
