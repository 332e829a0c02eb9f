namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>The current <c>eth_getLogs</c> block range, shared by all requests: shrinks on limit errors (to the provider's hint when given), grows after light responses.</summary>
internal sealed class AdaptiveRange
{
    private readonly Lock _lock = new();
    private readonly int _targetLogs;
    private long _current;
    private long _cap;

    public AdaptiveRange(long initial, long max, int targetLogs)
    {
        _cap = Math.Max(1, max);
        _current = Math.Clamp(initial, 1, _cap);
        _targetLogs = Math.Max(1, targetLogs);
    }

    public long Current { get { lock (_lock) { return _current; } } }

    public long Shrinks { get; private set; }

    public void OnSuccess(long requested, int logs)
    {
        lock (_lock)
        {
            if (logs > 2L * _targetLogs && requested > 1)
            {
                var scaled = Math.Max(1, (long)(requested * (double)_targetLogs / logs));
                _current = Math.Min(_current, scaled);
            }
            else if (logs * 2L < _targetLogs && requested >= _current)
            {
                _current = Math.Min(_cap, _current * 2);
            }
        }
    }

    /// <summary>A request timed out: halve the range (a heavy range is the usual cause).</summary>
    public void OnTimeout()
    {
        lock (_lock)
        {
            Shrinks++;
            _current = Math.Max(1, _current / 2);
        }
    }

    /// <summary>Applies a limit error for a request of <paramref name="requested"/> blocks; returns false when nothing smaller is possible.</summary>
    public bool OnLimitError(long requested, RangeLimitError error)
    {
        lock (_lock)
        {
            Shrinks++;
            if (requested <= 1)
            {
                return false;
            }

            if (error.MaxBlocks is { } max && !error.ResultLimit)
            {
                _cap = Math.Max(1, Math.Min(_cap, max));
            }

            var next = error.SuggestedSize ?? (error.ResultLimit ? null : error.MaxBlocks) ?? requested / 2;
            if (next >= requested)
            {
                next = requested / 2;
            }

            _current = Math.Clamp(Math.Min(_current, next), 1, _cap);
            return true;
        }
    }
}
