using System.Globalization;
using System.Text.Json;

namespace CollabInsights.Carbon;

/// <summary>
/// CarbonPlan's published Toucan data (<c>data/carbon-toucan</c>): tonnes retired through Toucan's bridge by the minimum
/// vintage year of their project, as in <c>toucan_retirements_by_minimum_vintage.json</c> of <c>carbonplan/toucan-crypto-offsets</c>.
/// </summary>
public sealed record ToucanPublishedTotals(IReadOnlyDictionary<int, decimal> ByMinimumVintage)
{
    /// <summary>CarbonPlan's published bridged total, in tonnes: 21,654,642 ("Zombies on the blockchain", 2022).</summary>
    public const decimal PublishedBridgedTotal = 21_654_642m;

    /// <summary>The sum over every minimum vintage: the bridged total this data gives.</summary>
    public decimal Total => ByMinimumVintage.Values.Sum();

    /// <summary>Tonnes from projects whose minimum vintage is before <paramref name="year"/> (CarbonPlan's CORSIA test uses 2016).</summary>
    public decimal Before(int year) => ByMinimumVintage.Where(kv => kv.Key < year).Sum(kv => kv.Value);

    /// <summary>Reads the JSON object of year to tonnes; a key that is not a year or a value that is not a number is an error naming it.</summary>
    public static async Task<ToucanPublishedTotals> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException($"'{path}' does not exist. Pass toucan_retirements_by_minimum_vintage.json (pinned in data/carbon-toucan).");
        }

        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var totals = new SortedDictionary<int, decimal>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || property.Value.ValueKind != JsonValueKind.Number)
            {
                throw new CollabInsightsException($"{Path.GetFileName(path)}: entry '{property.Name}': {property.Value.GetRawText()} is not a year with a number of tonnes. Expected an object such as {{\"2006\": 4805854}}.");
            }

            totals[year] = property.Value.GetDecimal();
        }

        return new ToucanPublishedTotals(totals);
    }
}
