using System.Data.Common;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>
/// One connection (and optional transaction) for a unit of work; parameters are positional <c>@p0</c>, <c>@p1</c>, ...
/// With <paramref name="blocking"/> the statements run with the synchronous ADO.NET calls on the caller's thread.
/// </summary>
internal sealed class SqlSession(DbConnection connection, DbTransaction? transaction, Dictionary<string, DbCommand>? cache, bool prepare, CancellationToken cancellationToken, bool blocking = false)
{
    private static readonly string[] ParameterNames = [.. Enumerable.Range(0, 64).Select(i => "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public CancellationToken CancellationToken => cancellationToken;

    public async Task<int> ExecuteAsync(string sql, params object?[] args)
    {
        var command = await CommandAsync(sql, args).ConfigureAwait(false);
        try
        {
            return blocking ? command.ExecuteNonQuery() : await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync(command).ConfigureAwait(false);
        }
    }

    public async Task<object?> ScalarAsync(string sql, params object?[] args)
    {
        var command = await CommandAsync(sql, args).ConfigureAwait(false);
        try
        {
            var value = blocking ? command.ExecuteScalar() : await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
        finally
        {
            await ReleaseAsync(command).ConfigureAwait(false);
        }
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, params object?[] args)
    {
        var rows = new List<T>();
        await ForEachAsync(sql, reader => rows.Add(map(reader)), args).ConfigureAwait(false);
        return rows;
    }

    public async Task ForEachAsync(string sql, Action<DbDataReader> row, params object?[] args)
    {
        var command = await CommandAsync(sql, args).ConfigureAwait(false);
        try
        {
            if (blocking)
            {
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    row(reader);
                }
            }
            else
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    row(reader);
                }
            }
        }
        finally
        {
            await ReleaseAsync(command).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The command for <paramref name="sql"/> with <paramref name="args"/> bound. A cached command keeps its parameter
    /// objects and only has their values replaced; it is prepared once, and again only when a value's type changes.
    /// </summary>
    private async Task<DbCommand> CommandAsync(string sql, object?[] args)
    {
        var mustPrepare = false;
        DbCommand? command = null;
        if (cache is null || !cache.TryGetValue(sql, out command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            cache?.Add(sql, command);
            mustPrepare = true;
        }

        command.Transaction = transaction;
        var parameters = command.Parameters;
        if (parameters.Count != args.Length)
        {
            parameters.Clear();
            for (var i = 0; i < args.Length; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = ParameterNames[i];
                parameters.Add(p);
            }

            mustPrepare = true;
        }

        for (var i = 0; i < args.Length; i++)
        {
            var p = parameters[i];
            var value = args[i] ?? DBNull.Value;
            mustPrepare |= p.Value is { } old && old.GetType() != value.GetType();
            p.Value = value;
        }

        if (prepare && mustPrepare)
        {
            if (blocking)
            {
                command.Prepare();
            }
            else
            {
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return command;
    }

    private async Task ReleaseAsync(DbCommand command)
    {
        if (cache is null)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }
    }
}
