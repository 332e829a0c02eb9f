using System.Globalization;
using CollabInsights.OffChain;

namespace CollabInsights.Scenarios;

/// <summary>
/// A generated health-outcomes collaboration for demonstrating verifiable records: patients referred to a provider
/// (<c>patients.csv</c>: patient id as an NHS-number-like 10-digit string, date of birth, GP practice, referral date),
/// one outcome record per patient and metric and quarter (<c>outcomes.csv</c>: the validator who verified it, achieved or
/// not, the price and the amount paid, which is the price when achieved and zero otherwise), and the payments per payer
/// and quarter (<c>payments.csv</c>). Validators' shares of the verification work are skewed on purpose (one validator
/// does most of it), so the writer-concentration figures have something to show. Same seed, same bytes.
/// </summary>
public static class HealthOutcomesScenario
{
    private static readonly string[] Metrics = ["hba1c_controlled", "readmission_avoided", "smoking_quit_12w"];
    private static readonly decimal[] Prices = [450m, 1200m, 300m];
    private static readonly (string Name, int Weight)[] Validators = [("Independent Outcomes Audit Ltd", 7), ("Clinical Evidence Partners", 2), ("Regional Audit Unit", 1)];
    private static readonly string[] Payers = ["NHS North Commissioning Board", "Better Health Outcomes Fund"];
    private static readonly string[] Quarters = ["2025-Q1", "2025-Q2", "2025-Q3"];

    /// <summary>Writes the three files into <paramref name="directory"/> for <paramref name="patients"/> patients; returns the number of outcome records.</summary>
    public static async Task<int> WriteAsync(string directory, int seed = 11, int patients = 120, CancellationToken cancellationToken = default)
    {
        if (patients < 1)
        {
            throw new CollabInsightsException($"The health-outcomes scenario needs at least one patient (got {patients}).");
        }

        var random = new Random(seed);
        var ids = new List<string>();
        var patientRows = new List<IReadOnlyList<string>>();
        for (var p = 0; p < patients; p++)
        {
            var id = random.NextInt64(4_000_000_000, 9_999_999_999).ToString("0000000000", CultureInfo.InvariantCulture);
            ids.Add(id);
            var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 50));
            var referral = new DateOnly(2024, 10, 1).AddDays(random.Next(0, 90));
            patientRows.Add([id, birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"GP-{random.Next(1, 9):00}", referral.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }

        var outcomes = new List<IReadOnlyList<string>>();
        var paid = new SortedDictionary<(string Payer, string Quarter), (decimal Amount, int Count)>();
        var totalWeight = Validators.Sum(v => v.Weight);
        foreach (var id in ids)
        {
            var metric = random.Next(Metrics.Length);
            foreach (var quarter in Quarters)
            {
                if (random.NextDouble() < 0.35)
                {
                    continue;
                }

                var pick = random.Next(totalWeight);
                var validator = Validators.First(v => (pick -= v.Weight) < 0).Name;
                var achieved = random.NextDouble() < 0.6;
                var payer = Payers[metric == 1 ? 0 : 1];
                var amount = achieved ? Prices[metric] : 0m;
                outcomes.Add([id, "HEALTH-SIB", Metrics[metric], quarter, achieved ? "achieved" : "not achieved", validator, payer,
                    Prices[metric].ToString("0.00", CultureInfo.InvariantCulture), amount.ToString("0.00", CultureInfo.InvariantCulture)]);
                if (achieved)
                {
                    var key = (payer, quarter);
                    var (sum, count) = paid.GetValueOrDefault(key);
                    paid[key] = (sum + amount, count + 1);
                }
            }
        }

        await CsvFile.WriteAsync(Path.Combine(directory, "patients.csv"), ["patient_id", "date_of_birth", "gp_practice", "referral_date"], patientRows, cancellationToken).ConfigureAwait(false);
        await CsvFile.WriteAsync(Path.Combine(directory, "outcomes.csv"), ["patient_id", "project", "metric", "period", "outcome", "validator", "payer", "price", "paid_amount"], outcomes, cancellationToken).ConfigureAwait(false);
        await CsvFile.WriteAsync(Path.Combine(directory, "payments.csv"), ["project", "payer", "period", "outcomes_paid", "amount", "currency"],
            paid.Select(p => (IReadOnlyList<string>)["HEALTH-SIB", p.Key.Payer, p.Key.Quarter, p.Value.Count.ToString(CultureInfo.InvariantCulture), p.Value.Amount.ToString("0.00", CultureInfo.InvariantCulture), "GBP"]), cancellationToken).ConfigureAwait(false);
        return outcomes.Count;
    }
}
