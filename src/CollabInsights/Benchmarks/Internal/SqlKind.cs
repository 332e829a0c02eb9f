namespace CollabInsights.Benchmarks.Internal;

internal enum SqlKind
{
    Sqlite,
    Postgres,
}
