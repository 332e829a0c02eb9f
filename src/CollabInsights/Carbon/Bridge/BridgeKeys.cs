using System.Globalization;

namespace CollabInsights.Carbon.Bridge;

/// <summary>How bridge flags name the records they are about, so a finding can be compared with a planted difference.</summary>
public static class BridgeKeys
{
    /// <summary>A minted batch: <c>chain 31337 bridge 0xAbC... batch 3</c> (address as extracted, EIP-55).</summary>
    public static string Batch(long chainId, string bridge, long batchId) =>
        string.Create(CultureInfo.InvariantCulture, $"chain {chainId} bridge {bridge} batch {batchId}");

    /// <summary>A token retirement: <c>chain 31337 bridge 0xAbC... retirement 2</c>.</summary>
    public static string Retirement(long chainId, string bridge, long retirementId) =>
        string.Create(CultureInfo.InvariantCulture, $"chain {chainId} bridge {bridge} retirement {retirementId}");

    /// <summary>A registry row: <c>verra/transactions.csv:17</c> (row from 1 after the header).</summary>
    public static string RegistryRow(string file, int row) => string.Create(CultureInfo.InvariantCulture, $"{file}:{row}");
}
