namespace CollabInsights.OnChain.Abi;

/// <summary>
/// One decoded event parameter. <see cref="Value"/> follows <see cref="AbiDecoder"/>'s
/// representation; when <see cref="IsTopicHash"/> is true the parameter was an indexed dynamic
/// type (string, bytes, array, tuple) and <see cref="Value"/> is only the 32-byte Keccak-256 topic as hex.
/// </summary>
public sealed record DecodedEventParameter(string Name, AbiType Type, bool Indexed, object? Value, bool IsTopicHash);
