namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>
/// Runs every request to the source: bounded concurrency that halves on HTTP 429 and climbs back
/// after successes (AIMD), a global pause after a 429, per-request timeouts, and retries with
/// exponential backoff and full jitter for transient failures. Ours rather than Polly's: the retry, the shared
/// concurrency limit and the pause after a 429 are one state machine across all requests in flight, and a timed-out
/// request shrinks the block range before its retry; Polly.Core was referenced for this and never used, so it is dropped.
/// </summary>
internal sealed class RequestGate
{
    private readonly ExtractionOptions _options;
    private readonly Random _jitter;
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private int _limit;
    private int _active;
    private int _successesSinceCut;
    private DateTime _pauseUntil = DateTime.MinValue;

    public RequestGate(ExtractionOptions options)
    {
        _options = options;
        _jitter = new Random(options.JitterSeed);
        _limit = Math.Max(1, options.MaxConcurrency);
    }

    public long Requests;
    public long Retries;
    public long RateLimited;

    public int Limit { get { lock (_lock) { return _limit; } } }

    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) => RunAsync(call, null, cancellationToken);

    /// <summary>Runs <paramref name="call"/> with retries; <paramref name="onTimeout"/> runs before retrying a call that timed out.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, Action? onTimeout, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await AcquireAsync(cancellationToken).ConfigureAwait(false);
            TimeSpan delay;
            try
            {
                await WaitForPauseAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref Requests);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.RequestTimeout);
                var result = await call(timeout.Token).ConfigureAwait(false);
                OnSuccess();
                return result;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsRetryable(e, out var rateLimited, out var retryAfter))
            {
                if (attempt >= _options.MaxAttempts)
                {
                    throw new CollabInsightsException($"The log source kept failing after {attempt} attempts (last error: {e.Message}). Check the endpoint, lower the concurrency, or retry later.", e);
                }

                Interlocked.Increment(ref Retries);
                if (e is OperationCanceledException or TimeoutException || e is LogSourceException { Failure: LogSourceFailure.Timeout })
                {
                    onTimeout?.Invoke();
                }

                delay = Backoff(attempt, retryAfter);
                if (rateLimited)
                {
                    Interlocked.Increment(ref RateLimited);
                    OnRateLimited(delay);
                }
            }
            finally
            {
                Release();
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitForPauseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                wait = _pauseUntil - DateTime.UtcNow;
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var cap = Math.Min(_options.MaxRetryDelay.TotalMilliseconds, _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        double jitter;
        lock (_lock)
        {
            jitter = _jitter.NextDouble();
        }

        var ms = cap / 2 + (cap / 2 * jitter);
        if (retryAfter is { } ra && ra.TotalMilliseconds > ms)
        {
            ms = Math.Min(ra.TotalMilliseconds, _options.MaxRetryDelay.TotalMilliseconds);
        }

        return TimeSpan.FromMilliseconds(ms);
    }

    private void OnRateLimited(TimeSpan delay)
    {
        lock (_lock)
        {
            var until = DateTime.UtcNow + delay;
            if (until > _pauseUntil)
            {
                _pauseUntil = until;
            }

            _successesSinceCut = 0;
            if (_limit > 1)
            {
                _limit = Math.Max(1, _limit / 2);
            }
        }
    }

    private void OnSuccess()
    {
        lock (_lock)
        {
            if (_limit < _options.MaxConcurrency && ++_successesSinceCut >= 10)
            {
                _limit++;
                _successesSinceCut = 0;
                Pump();
            }
        }
    }

    private async Task AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (_active < _limit)
            {
                _active++;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }

        using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
        {
            await waiter.Task.ConfigureAwait(false);
        }
    }

    private void Release()
    {
        lock (_lock)
        {
            _active--;
            Pump();
        }
    }

    private void Pump()
    {
        while (_active < _limit && _waiters.Count > 0)
        {
            if (_waiters.Dequeue().TrySetResult())
            {
                _active++;
            }
        }
    }

    internal static bool IsRetryable(Exception e, out bool rateLimited, out TimeSpan? retryAfter)
    {
        rateLimited = false;
        retryAfter = null;
        switch (e)
        {
            case LogSourceException lse when RangeErrorClassifier.Classify(lse.RpcCode, lse.Message) is not null:
                return false;
            case LogSourceException lse:
                retryAfter = lse.RetryAfter;
                if (lse.Failure == LogSourceFailure.RateLimited || lse.HttpStatus == 429 || lse.RpcCode == 429)
                {
                    rateLimited = true;
                    return true;
                }

                if (lse.Failure is LogSourceFailure.Transient or LogSourceFailure.Timeout || lse.HttpStatus is >= 500 and < 600 || lse.HttpStatus == 408)
                {
                    return true;
                }

                if (lse.Failure == LogSourceFailure.RpcError && RangeErrorClassifier.Classify(lse.RpcCode, lse.Message) is null
                    && (lse.RpcCode is -32603 or -32000 && TransientText(lse.Message)))
                {
                    return true;
                }

                return false;
            case OperationCanceledException:
            case TimeoutException:
            case HttpRequestException:
            case IOException:
            case System.Text.Json.JsonException:
                return true;
            default:
                return false;
        }
    }

    private static bool TransientText(string message) =>
        message.Contains("timeout", StringComparison.OrdinalIgnoreCase)
        || message.Contains("timed out", StringComparison.OrdinalIgnoreCase)
        || message.Contains("temporar", StringComparison.OrdinalIgnoreCase)
        || message.Contains("try again", StringComparison.OrdinalIgnoreCase)
        || message.Contains("rate limit", StringComparison.OrdinalIgnoreCase);
}
