namespace Api.Sso.Sessions;

/// <summary>
/// The writes of <see cref="SsoSessionStore"/> that must happen together, as Lua scripts over keys
/// of one subject (one hash slot, <see cref="SessionKeys"/>). A script is atomic like MULTI/EXEC
/// and, being one command, is sent again to the new master when a Redis Cluster answers MOVED after
/// a failover; StackExchange.Redis does not follow MOVED inside a transaction, which would fail.
/// </summary>
internal static class SessionScripts
{
    /// <summary>KEYS: session, index. ARGV: JSON, idle ms, sid, absolute ms.</summary>
    public const string Create = """
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        redis.call('SADD', KEYS[2], ARGV[3])
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return 1
        """;

    /// <summary>KEYS: the session's products. ARGV: client id, absolute ms.</summary>
    public const string RecordProduct = """
        redis.call('SADD', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>KEYS: session, index. ARGV: sid. Returns 1 when this call ended the session.</summary>
    public const string Revoke = """
        local ended = redis.call('DEL', KEYS[1])
        redis.call('SREM', KEYS[2], ARGV[1])
        return ended
        """;

    /// <summary>
    /// KEYS: the products sets of ended sessions. Returns each set's members and deletes it: of many
    /// requests ending the same session at once, only one finds its products.
    /// </summary>
    public const string TakeProducts = """
        local taken = {}
        for i, key in ipairs(KEYS) do
            taken[i] = redis.call('SMEMBERS', key)
            redis.call('DEL', key)
        end
        return taken
        """;
}
