using Nethereum.Util;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>
/// EIP-55 checksummed addresses (Nethereum's <see cref="AddressUtil"/>) behind a small direct-mapped cache: a run sees
/// few distinct emitting contracts but possibly many distinct senders and recipients. Lock-free: a slot holds one
/// immutable entry, replaced whole. (The former <c>ConcurrentDictionary</c> cache with a size check cost 16-18 s for
/// 192,000 Transfer logs, the checksum itself 2.5 s, on the same loaded machine.)
/// </summary>
internal static class AddressText
{
    private const int Slots = 1 << 12;
    private static readonly Entry?[] Cache = new Entry?[Slots];

    public static string Checksum(string address)
    {
        var slot = (int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(address) & (Slots - 1));
        var entry = Volatile.Read(ref Cache[slot]);
        if (entry is not null && string.Equals(entry.Key, address, StringComparison.OrdinalIgnoreCase))
        {
            return entry.Value;
        }

        var value = AddressUtil.Current.ConvertToChecksumAddress(address);
        Volatile.Write(ref Cache[slot], new Entry(address, value));
        return value;
    }

    private sealed record Entry(string Key, string Value);
}
