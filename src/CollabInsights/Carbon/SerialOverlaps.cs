namespace CollabInsights.Carbon;

/// <summary>
/// Finds every pair of serial blocks that share a stem and at least one serial number: sort by (stem, first serial), then one
/// sweep that keeps the blocks still open. Time O(n log n + pairs), memory O(n). Used by the checks and by <c>collab bench carbon</c>.
/// </summary>
public static class SerialOverlaps
{
    /// <summary>
    /// Pairs <c>(a, b)</c> with <c>a &lt; b</c> of indices into the three arrays whose blocks overlap: same <paramref name="stems"/>
    /// value, <c>first[a] &lt;= last[b]</c> and <c>first[b] &lt;= last[a]</c> (ranges inclusive). Sorted by a, then b.
    /// </summary>
    public static List<(int A, int B)> Find(ReadOnlySpan<int> stems, ReadOnlySpan<long> first, ReadOnlySpan<long> last)
    {
        var n = stems.Length;
        if (first.Length != n || last.Length != n)
        {
            throw new ArgumentException("stems, first and last must have the same length.", nameof(first));
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var packable = true;
        for (var i = 0; i < n && packable; i++)
        {
            packable = stems[i] is >= 0 and < (1 << 23) && first[i] is >= 0 and < (1L << 40);
        }

        if (packable)
        {
            var keys = new long[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = ((long)stems[i] << 40) | first[i];
            }

            Array.Sort(keys, order);
        }
        else
        {
            var s = stems.ToArray();
            var f = first.ToArray();
            Array.Sort(order, (x, y) => s[x] != s[y] ? s[x].CompareTo(s[y]) : f[x] != f[y] ? f[x].CompareTo(f[y]) : x.CompareTo(y));
        }

        var pairs = new List<(int, int)>();
        var open = new List<int>();
        var openMax = long.MinValue;
        var stem = int.MinValue;
        foreach (var i in order)
        {
            if (stems[i] != stem || openMax < first[i])
            {
                open.Clear();
                openMax = long.MinValue;
                stem = stems[i];
            }
            else
            {
                var keep = 0;
                for (var k = 0; k < open.Count; k++)
                {
                    var j = open[k];
                    if (last[j] >= first[i])
                    {
                        pairs.Add(j < i ? (j, i) : (i, j));
                        open[keep++] = j;
                    }
                }

                open.RemoveRange(keep, open.Count - keep);
            }

            open.Add(i);
            openMax = Math.Max(openMax, last[i]);
        }

        pairs.Sort();
        return pairs;
    }
}
