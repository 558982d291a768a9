namespace Benchmarks.Flows;

/// <summary>
/// One browser's cookies, kept by hand: the SSO's cookies are <c>__Host-</c> (Secure), which
/// .NET's CookieContainer never sends over the bench's plain http. Path and expiry beyond
/// deletion do not matter here: every SSO cookie has Path=/ and outlives a bench run.
/// </summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public void Take(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            return;
        }

        foreach (var header in headers)
        {
            var parts = header.Split(';', StringSplitOptions.TrimEntries);
            var separator = parts[0].IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var (name, value) = (parts[0][..separator], parts[0][(separator + 1)..]);
            // ASP.NET Core deletes with an empty value and an expiry in 1970.
            var deleted = value.Length == 0 || parts.Skip(1).Any(a =>
                a.StartsWith("expires=", StringComparison.OrdinalIgnoreCase) && a.Contains("1970", StringComparison.Ordinal)
                || a.Equals("max-age=0", StringComparison.OrdinalIgnoreCase));
            if (deleted)
            {
                cookies.Remove(name);
            }
            else
            {
                cookies[name] = value;
            }
        }
    }

    public bool Has(string name) => cookies.ContainsKey(name);

    public void AddTo(HttpRequestMessage request)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(pair => $"{pair.Key}={pair.Value}")));
        }
    }
}
