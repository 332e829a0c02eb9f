namespace CollabInsights.Notebooks.Internal;

/// <summary>The display ids a session has shown, so that an update names the display it replaces (see <see cref="DisplayRouter"/>).</summary>
internal sealed class DisplayTracker
{
    private readonly HashSet<string> shown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> aliases = new(StringComparer.Ordinal);
    private readonly List<string> unclaimed = [];

    /// <summary>Records a display; <paramref name="claimed"/> is true when its handle carries the same id.</summary>
    public void Shown(string displayId, bool claimed)
    {
        lock (shown)
        {
            shown.Add(displayId);
            if (!claimed)
            {
                unclaimed.Add(displayId);
            }
        }
    }

    /// <summary>The display an update with <paramref name="displayId"/> replaces.</summary>
    public string Resolve(string displayId)
    {
        lock (shown)
        {
            if (shown.Contains(displayId))
            {
                return displayId;
            }

            if (aliases.TryGetValue(displayId, out var alias))
            {
                return alias;
            }

            if (unclaimed.Count == 0)
            {
                return displayId;
            }

            alias = unclaimed[^1];
            unclaimed.RemoveAt(unclaimed.Count - 1);
            aliases[displayId] = alias;
            return alias;
        }
    }
}
