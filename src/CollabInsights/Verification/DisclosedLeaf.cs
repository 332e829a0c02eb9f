namespace CollabInsights.Verification;

/// <summary>One disclosed leaf of a proof: the field (empty for the whole record), its value as anchored, its salt, the leaf hash, and the sibling path to the root (all hex).</summary>
public sealed record DisclosedLeaf(string Field, string Value, string Salt, string Leaf, IReadOnlyList<string> Proof);
