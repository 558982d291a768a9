using Microsoft.Net.Http.Headers;

namespace Api.Scim;

/// <summary>
/// If-Match and If-None-Match against a resource's version (RFC 7644 §3.14, RFC 9110 §13). Versions
/// are weak, so they compare by their opaque part; "*" matches any existing resource.
/// </summary>
public static class ScimPreconditions
{
    /// <summary>True when the request sets If-Match and no tag in it is the resource's version: answer 412.</summary>
    public static bool IfMatchFails(HttpRequest request, string version) =>
        request.Headers.IfMatch.Count > 0 && !Matches(request.Headers.IfMatch, version);

    /// <summary>True when If-None-Match names the resource's version: answer 304.</summary>
    public static bool IfNoneMatchHits(HttpRequest request, string version) =>
        request.Headers.IfNoneMatch.Count > 0 && Matches(request.Headers.IfNoneMatch, version);

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string version)
    {
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var ours = EntityTagHeaderValue.Parse(version);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }
}
