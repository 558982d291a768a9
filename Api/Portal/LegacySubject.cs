namespace Api.Portal;

/// <summary>
/// The subject of a session opened by the portal's own (legacy) login form: the SSO keeps the
/// session, the portal names whom it belongs to. Account ids never take this form.
/// </summary>
public static class LegacySubject
{
    public const string Prefix = "legacy:";

    public static string Of(Guid endUserId) => Prefix + endUserId;

    /// <summary>The end user a legacy subject names, or null for any other subject.</summary>
    public static Guid? Parse(string? subject) =>
        subject is not null && subject.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(subject.AsSpan(Prefix.Length), out var id)
            ? id
            : null;
}
