using Api.Shared;
namespace Api.Portal;

/// <summary>An end user's role inside their client's portal (not a platform role: see <c>ProductRoles</c>).</summary>
public static class EndUserRoles
{
    public const string EndUser = "End User";

    /// <summary>Sees the whole client's tickets and devices, not only their own.</summary>
    public const string ClientManager = "Client Manager";

    public static readonly IReadOnlyList<string> All = [EndUser, ClientManager];
}
