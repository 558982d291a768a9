namespace Api.Admin.ApiClients;

/// <summary>One API client in the Settings list. Never its secret: that is shown once, when made.</summary>
public sealed record ApiClientRow(
    Guid Id,
    string Name,
    string ClientId,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? SecretRotatedAt,
    DateTime? PreviousSecretValidUntil,
    DateTime? LastUsedAt,
    DateTime? RevokedAt,
    string Status)
{
    public const string Active = "active";
    public const string Revoked = "revoked";

    public static ApiClientRow Of(ApiClient client, DateTime now) => new(
        client.Id, client.Name, client.ClientId, client.ScopeList, client.CreatedAt, client.CreatedBy, client.SecretRotatedAt,
        client.PreviousSecretValidUntil > now && client.RevokedAt is null ? client.PreviousSecretValidUntil : null,
        client.LastUsedAt, client.RevokedAt, client.RevokedAt is null ? Active : Revoked);
}

/// <summary>A new API client and its secret: the only answer that ever carries it.</summary>
public sealed record CreatedApiClient(ApiClientRow ApiClient, string ClientSecret);

/// <summary>A rotation's new secret (shown once) and until when the old one still works.</summary>
public sealed record RotatedApiClientSecret(ApiClientRow ApiClient, string ClientSecret);
