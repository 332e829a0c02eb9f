namespace CollabInsights.Reconciliation.Internal;

/// <summary>The four-pass hash matching; each pass indexes the off-chain records still unmatched and probes with the on-chain ones.</summary>
internal static class Matcher
{
    private readonly record struct Key(int Project, int Metric, int Start, int End, int Payer, int Recipient, long Amount, int Currency);

    public static List<(ReconciliationClass Class, int Off, int On)> Match(List<MatchRecord> off, List<MatchRecord> on, long tolerance)
    {
        var result = new List<(ReconciliationClass, int, int)>(Math.Max(off.Count, on.Count) + 16);
        var offLeft = Enumerable.Range(0, off.Count).ToList();
        var onLeft = Enumerable.Range(0, on.Count).ToList();
        var passes = new (ReconciliationClass Class, Func<MatchRecord, Key> KeyOf, bool CheckAmount, bool Parties)[]
        {
            (ReconciliationClass.Matched, r => new Key(r.ProjectId, r.MetricId, r.PeriodStart, r.PeriodEnd, r.Payer, r.Recipient, tolerance == 0 ? r.Amount : 0, r.Currency), tolerance != 0, true),
            (ReconciliationClass.AmountMismatch, r => new Key(r.ProjectId, r.MetricId, r.PeriodStart, r.PeriodEnd, r.Payer, r.Recipient, 0, r.Currency), false, true),
            (ReconciliationClass.PeriodMismatch, r => new Key(r.ProjectId, r.MetricId, 0, 0, r.Payer, r.Recipient, r.Amount, r.Currency), false, true),
            (ReconciliationClass.CounterpartyMismatch, r => new Key(r.ProjectId, r.MetricId, r.PeriodStart, r.PeriodEnd, 0, 0, r.Amount, r.Currency), false, false),
        };
        foreach (var (cls, keyOf, checkAmount, parties) in passes)
        {
            if (offLeft.Count == 0 || onLeft.Count == 0)
            {
                break;
            }

            // Index the off-chain records: head of a chain per key, next[] links duplicates in source order.
            var head = new Dictionary<Key, (int First, int Last)>(offLeft.Count);
            var next = new int[off.Count];
            foreach (var i in offLeft)
            {
                var k = keyOf(off[i]);
                next[i] = -1;
                if (head.TryGetValue(k, out var h))
                {
                    next[h.Last] = i;
                    head[k] = (h.First, i);
                }
                else
                {
                    head[k] = (i, i);
                }
            }

            var taken = new bool[off.Count];
            var onRemaining = new List<int>();
            int Take(Key k, int j)
            {
                if (!head.TryGetValue(k, out var h))
                {
                    return -1;
                }

                // Take the first untaken record whose amount is within tolerance (with tolerance 0 the key already holds the amount).
                var found = -1;
                for (var i = h.First; i >= 0; i = next[i])
                {
                    if (!taken[i] && (!checkAmount || Math.Abs(off[i].Amount - on[j].Amount) <= tolerance))
                    {
                        found = i;
                        break;
                    }
                }

                if (found >= 0)
                {
                    taken[found] = true;
                    if (found == h.First)
                    {
                        var first = next[found];
                        while (first >= 0 && taken[first])
                        {
                            first = next[first];
                        }

                        if (first < 0)
                        {
                            head.Remove(k);
                        }
                        else
                        {
                            head[k] = (first, h.Last);
                        }
                    }
                }

                return found;
            }

            foreach (var j in onLeft)
            {
                var k = keyOf(on[j]);
                var found = Take(k, j);
                if (found < 0 && parties)
                {
                    // A counterparty the books do not hold (key 0) is never compared: the chain's payer, recipient or validator stands.
                    if (k.Recipient > 0)
                    {
                        found = Take(k with { Recipient = 0 }, j);
                    }

                    if (found < 0 && k.Payer > 0)
                    {
                        found = Take(k with { Payer = 0 }, j);
                    }

                    if (found < 0 && k.Payer > 0 && k.Recipient > 0)
                    {
                        found = Take(k with { Payer = 0, Recipient = 0 }, j);
                    }
                }

                if (found >= 0)
                {
                    result.Add((cls, found, j));
                }
                else
                {
                    onRemaining.Add(j);
                }
            }

            offLeft = offLeft.Where(i => !taken[i]).ToList();
            onLeft = onRemaining;
        }

        foreach (var i in offLeft)
        {
            result.Add((ReconciliationClass.OnlyOffChain, i, -1));
        }

        foreach (var j in onLeft)
        {
            result.Add((ReconciliationClass.OnlyOnChain, -1, j));
        }

        return result;
    }
}
