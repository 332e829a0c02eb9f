using System.Collections.Concurrent;
using Nethereum.Util;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>EIP-55 checksummed addresses, cached (a run sees few distinct emitting contracts).</summary>
internal static class AddressText
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static string Checksum(string address) =>
        Cache.Count < 100_000 ? Cache.GetOrAdd(address, AddressUtil.Current.ConvertToChecksumAddress) : AddressUtil.Current.ConvertToChecksumAddress(address);
}
