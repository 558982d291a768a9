namespace Api.Admin.ApiClients;

/// <summary>A new API client: a name the partner will recognise in the audit log, and its scopes (at least one).</summary>
public sealed record ApiClientInput(string? Name, IReadOnlyList<string>? Scopes)
{
    public const int MaxNameLength = 100;
}
